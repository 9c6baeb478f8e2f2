#!/usr/bin/env bash
# Shared by the benchmarks (services/*/bench/run.sh, scripts/compose-benchmark.sh): CPU time of
# process trees and of a command, wrk's p99, and the median of rounds with their spread.
#
# Sourced:   . scripts/bench-lib.sh; bench_cpu_tree PID...
# Run:       scripts/bench-lib.sh cpu-tree PID...           (for drivers in other languages)
#            scripts/bench-lib.sh cpu-run FILE COMMAND...   (runs COMMAND, FILE gets its CPU seconds)
#
# Why CPU seconds: req/s and latency move with whatever else shares the cores; the CPU a request
# costs each process holds much better, so every bench reports it beside the rates.

# CPU seconds (user + system) used so far by the given processes and all their descendants,
# each counted once. A process's /proc/PID/stat holds its own time (all threads, exited ones too)
# and, in cutime/cstime, the time of children it has waited for: so a tree's total is the sum of
# utime + stime + cutime + cstime over its live members. This counts short-lived children that
# exited between two readings (PostgreSQL's connection backends, gunicorn workers) through their
# parent, which reaps them; reading only live processes would miss them.
bench_cpu_tree() { # root_pid...
  # cat, not awk on the files, and its status ignored: a process may exit between the glob and
  # the read.
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v roots="$*" -v hz="$(getconf CLK_TCK)" '
    {
      pid = $1; rest = $0
      sub(/.*\) /, "", rest)  # the command name, in parentheses, may hold spaces
      split(rest, f, " ")     # f[2] ppid, f[12] utime, f[13] stime, f[14] cutime, f[15] cstime
      parent[pid] = f[2]; ticks[pid] = f[12] + f[13] + f[14] + f[15]
    }
    END {
      n = split(roots, r, " ")
      for (i = 1; i <= n; i++) if (r[i] in parent) member[r[i]] = 1
      do {
        grown = 0
        for (p in parent) if (!(p in member) && (parent[p] in member)) { member[p] = 1; grown = 1 }
      } while (grown)
      for (p in member) total += ticks[p]
      printf "%.3f\n", total / hz
    }'
}

# Runs a command and writes the CPU seconds it used (with its children) to FILE; returns its
# status. The subshell waits for the command, so bash's `times` (children's line) holds exactly it,
# with millisecond resolution, even though the process is gone by then.
bench_cpu_run() { # file command...
  local file=$1 rc
  shift
  ( "$@" && rc=0 || rc=$?; times > "$file"; exit "$rc" ) && rc=0 || rc=$?
  awk 'NR == 2 {
         split($1, u, /[ms]/); split($2, s, /[ms]/)
         printf "%.3f\n", u[1] * 60 + u[2] + s[1] * 60 + s[2]
       }' "$file" > "$file.tmp" && mv "$file.tmp" "$file"
  return "$rc"
}

# wrk's p99 latency (from --latency output) in milliseconds.
bench_wrk_p99_ms() { # wrk_output_file
  awk '$1 == "99%" {
         v = $2; n = v + 0
         if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; else if (v ~ /m$/) n *= 60000
         printf "%.2f\n", n
       }' "$1"
}

# Numbers on stdin, one a line, to "median min max" (the median of an even count is the mean of
# the middle two; "? ? ?" when there are none).
bench_stats() {
  sort -g | awk 'NF { v[++n] = $1 }
    END {
      if (!n) { print "? ? ?"; exit }
      m = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      print m, v[1], v[n]
    }'
}

# Numbers on stdin to "median (min-max)", each printed with the printf format given (e.g. %.0f).
bench_spread() { # format
  bench_stats | awk -v f="$1" '$1 == "?" { print "?"; next } { printf f " (" f "-" f ")\n", $1, $2, $3 }'
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    cpu-tree) shift; bench_cpu_tree "$@" ;;
    cpu-run) shift; bench_cpu_run "$@" ;;
    *) echo "usage: $0 cpu-tree PID... | cpu-run FILE COMMAND..." >&2; exit 2 ;;
  esac
fi
