# Sourced by bin/service-metrics: the JVM options of a small night.
#
# A nightly whose delivery day is small runs with the client JIT compiler only (C1): most of such a
# night's CPU goes to compiling the code of its ~120 short Spark queries, which the optimizing
# compiler (C2) would compile a second time, while a large night's long scans run faster in C2's
# code. Measured in docs/BENCHMARKS.md (session 10); operators' view in docs/SCHEDULING.md "Small
# nights". The code cache is enlarged because C1's code is bigger and the JVM stops compiling when
# the cache fills.

# Bytes a delivery day may hold (all sources) for its night to count as small: a few thousand contacts.
SMALL_NIGHT_DEFAULT_BYTES=1048576
SMALL_NIGHT_JIT_OPTIONS="-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=512m"

# Prints the size in bytes of the delivery day a `nightly` command line reads, when its landing zone
# is a local folder (0 when nothing landed that day); fails for other commands, remote landing zones
# and command lines without --date or --landing (the CLI then says what is missing).
nightly_landing_bytes() {
  [[ "${1:-}" == nightly ]] || return 1
  local date="" landing="" previous="" arg
  for arg in "$@"; do
    case "$previous" in
      --date) date="$arg" ;;
      --landing) landing="$arg" ;;
    esac
    case "$arg" in
      --date=*) date="${arg#--date=}" ;;
      --landing=*) landing="${arg#--landing=}" ;;
    esac
    previous="$arg"
  done
  landing="${landing#file://}"
  [[ -n "$date" && -n "$landing" && -d "$landing" ]] || return 1
  local folders=("$landing"/*/"date=$date")
  if [[ ! -d "${folders[0]}" ]]; then
    echo 0
    return 0
  fi
  find "${folders[@]}" -type f -printf '%s\n' | awk '{ bytes += $1 } END { print bytes + 0 }'
}

# Prints the JVM options for the command line "$@": SMALL_NIGHT_JIT_OPTIONS for a nightly whose day
# holds at most SERVICE_METRICS_SMALL_NIGHT_BYTES (default SMALL_NIGHT_DEFAULT_BYTES; 0 = never),
# nothing otherwise. Returns 2 with a message when that setting is not a whole number.
small_night_jit_options() {
  local limit="${SERVICE_METRICS_SMALL_NIGHT_BYTES:-$SMALL_NIGHT_DEFAULT_BYTES}" bytes
  if [[ ! "$limit" =~ ^[0-9]+$ ]]; then
    echo "service-metrics: SERVICE_METRICS_SMALL_NIGHT_BYTES must be a whole number of bytes, got '$limit';" \
      "unset it for the default ($SMALL_NIGHT_DEFAULT_BYTES) or set 0 so no night counts as small" >&2
    return 2
  fi
  if (( limit > 0 )) && bytes="$(nightly_landing_bytes "$@")" && (( bytes <= limit )); then
    echo "$SMALL_NIGHT_JIT_OPTIONS"
  fi
  return 0
}
