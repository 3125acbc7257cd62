// Imported first by the stream tests, before anything reads env(): a fast re-check keeps the
// revocation tests short, and a cap of two makes the per-caller limit quick to reach.
process.env.JOBDECK_STREAM_RECHECK_MS = "100";
process.env.JOBDECK_STREAMS_PER_CALLER = "2";
