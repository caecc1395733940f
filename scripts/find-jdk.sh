# Sourced by ./tickstock and ./run-tests: sets JAVA_HOME to a JDK >= 21 (JAVA_HOME first if it
# qualifies, else the newest JDK installed under the usual folders) or exits with a clear message.

java_major() { # the major version of the JDK at $1, or 0
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  v="${v%%.*}"
  echo "${v:-0}" | tr -dc '0-9'
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then
    echo "$JAVA_HOME"; return 0
  fi
  local best="" best_major=0 d m
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/javac" ] || continue
    m=$(java_major "$d"); m=${m:-0}
    if [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$d"; best_major=$m; fi
  done
  [ -n "$best" ] && echo "$best"
}

JAVA_HOME="$(find_jdk || true)"
if [ -z "$JAVA_HOME" ]; then
  echo "tickstock: no JDK 21 or newer found; install one or set JAVA_HOME to it" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
