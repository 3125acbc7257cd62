#!/usr/bin/env bash
# A new user's first hour, automated: clone this repository into a fresh folder and follow the
# README literally. `npm ci`; `npm start` must answer healthy within START_LIMIT_S with all five
# demo sources polled, and the admin it prints must be able to sign in at 127.0.0.1 and at the
# machine's own address; then the test command's browser step must find or install a Chromium (or
# name what to install). Ports move with FOLLOW_README_PORT_OFFSET so it can run beside another
# Jobdeck. Last, run as root, the same clone in a folder only root may enter must refuse to start
# its embedded PostgreSQL with the README's one sentence. Exits non-zero, saying which step failed.
set -euo pipefail

START_LIMIT_S=${START_LIMIT_S:-300}
OFFSET=${FOLLOW_README_PORT_OFFSET:-0}
PORT=$((3000 + OFFSET))
SRC=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
COMMIT=$(git -C "$SRC" rev-parse HEAD)
WORK=$(mktemp -d)
# mktemp -d is 0700; run as root the embedded PostgreSQL's own user must enter it (see the last step).
chmod 755 "$WORK"
CLONE="$WORK/jobdeck"
APP_PID=""

step() { printf '\n== %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; [ -f "$WORK/start.log" ] && tail -n 40 "$WORK/start.log" >&2; exit 1; }
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -INT -- "-$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

step "git clone (commit $COMMIT) into $CLONE"
git clone --quiet --no-checkout "$SRC" "$CLONE"
git -C "$CLONE" checkout --quiet --detach "$COMMIT"
cd "$CLONE"

step "npm ci"
t0=$SECONDS
npm ci --no-audit --no-fund >"$WORK/ci.log" 2>&1 || { tail -n 40 "$WORK/ci.log"; fail "npm ci"; }
echo "npm ci took $((SECONDS - t0)) s"

step "npm start (limit ${START_LIMIT_S} s to healthy, build included)"
t0=$SECONDS
PORT=$PORT JOBDECK_PG_PORT=$((5433 + OFFSET)) JOBDECK_SIM_BASE_PORT=$((9101 + OFFSET)) \
  setsid npm start >"$WORK/start.log" 2>&1 &
APP_PID=$!
healthy=""
while [ $((SECONDS - t0)) -lt "$START_LIMIT_S" ]; do
  kill -0 "$APP_PID" 2>/dev/null || fail "npm start exited"
  if health=$(curl -fsS "http://127.0.0.1:$PORT/api/health" 2>/dev/null) &&
    node -e 'const h=JSON.parse(process.argv[1]); process.exit(h.database==="ok" && h.sources.total>=5 && h.sources.failing===0 ? 0 : 1)' "$health"; then
    healthy=yes
    break
  fi
  sleep 2
done
[ -n "$healthy" ] || fail "npm start was not healthy within ${START_LIMIT_S} s (last: ${health:-no answer})"
echo "healthy after $((SECONDS - t0)) s: $health"

step "sign in as the admin npm start printed"
email=$(sed -n 's/^ *email: *//p' "$WORK/start.log" | head -n 1)
password=$(sed -n 's/^ *password: *//p' "$WORK/start.log" | head -n 1)
[ -n "$email" ] && [ -n "$password" ] || fail "npm start did not print the first admin's email and password"
address=$(node -e 'const a=Object.values(require("os").networkInterfaces()).flat().find((i)=>i&&i.family==="IPv4"&&!i.internal); console.log(a?a.address:"")')
for host in 127.0.0.1 localhost $address; do
  origin="http://$host:$PORT"
  jar="$WORK/cookies-$host"
  code=$(curl -sS -o "$WORK/signin.json" -w '%{http_code}' -c "$jar" -H "origin: $origin" -H 'content-type: application/json' \
    --data "$(node -e 'console.log(JSON.stringify({email:process.argv[1],password:process.argv[2]}))' "$email" "$password")" \
    "$origin/api/auth/sign-in/email")
  [ "$code" = 200 ] || fail "sign-in at $origin answered $code: $(cat "$WORK/signin.json")"
  role=$(curl -fsS -b "$jar" "$origin/api/me" | node -e 'let s="";process.stdin.on("data",(c)=>s+=c).on("end",()=>console.log(JSON.parse(s).role))')
  [ "$role" = admin ] || fail "signed in at $origin but /api/me says role '$role'"
  jobs=$(curl -fsS -b "$jar" "$origin/api/jobs?limit=5" | node -e 'let s="";process.stdin.on("data",(c)=>s+=c).on("end",()=>console.log(JSON.parse(s).items.length))')
  [ "$jobs" -gt 0 ] || fail "signed in at $origin but the demo estate lists no jobs"
  echo "signed in at $origin as $email (admin); /api/jobs lists $jobs"
done
[ -n "$address" ] || echo "note: this machine has no non-loopback IPv4 address; signed in at loopback only"

step "the test command's browser step (npm run test:browser)"
npm run --silent test:browser || fail "the browser step found no Chromium and could not install one (its message is above)"

step "stop npm start (Ctrl-C)"
kill -INT -- "-$APP_PID"
for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$APP_PID" 2>/dev/null && fail "npm start did not stop within 60 s of Ctrl-C"
APP_PID=""

if [ "$(id -u)" = 0 ]; then
  step "as root in a folder only root may enter, the embedded database says what to do"
  chmod 700 "$WORK"
  if JOBDECK_PG_PORT=$((5433 + OFFSET)) npm run --silent db:deploy >"$WORK/private.log" 2>&1; then
    fail "the embedded PostgreSQL started from a folder its postgres user cannot enter"
  fi
  grep -q 'The embedded PostgreSQL runs as the "postgres" user, which cannot enter' "$WORK/private.log" ||
    { cat "$WORK/private.log"; fail "no one-sentence explanation for a private folder"; }
  grep -m1 'The embedded PostgreSQL runs as' "$WORK/private.log"
  chmod 755 "$WORK"
fi

step "done: the README's install, start and browser step work from a fresh clone"
