import { Agent } from "undici";
import type { SourceConfig } from "../types";

const agents = new Map<string, Agent>();

/** One keep-alive pool per TLS setting, so a CA bundle or insecure flag applies only to its own source. */
export function agentFor(tls: SourceConfig["tls"]): Agent {
  const key = `${tls.insecure}:${tls.caPem ?? ""}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connect: { rejectUnauthorized: !tls.insecure, ...(tls.caPem ? { ca: tls.caPem } : {}) },
      keepAliveTimeout: 10_000,
      connections: 8,
    });
    agents.set(key, agent);
  }
  return agent;
}
