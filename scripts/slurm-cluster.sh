#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the test that submits examples/slurm/neglab-array.sh
# (apps/neglab/test/slurm.test.ts) and for trying the job script by hand. Needs root and Debian's slurm-wlm and munge.
#
#   eval "$(scripts/slurm-cluster.sh start)"    # starts munged, slurmctld, slurmd; prints `export SLURM_CONF=…`
#   scripts/slurm-cluster.sh status             # which daemons run, and sinfo
#   scripts/slurm-cluster.sh stop               # stops the daemons this script started, by their PIDs
#
# Everything lives in $NEGLAB_SLURM_DIR (default /var/tmp/neglab-slurm): the munge key and socket, slurm.conf, the
# state, spool and log directories and the PID files. Nothing under /etc or /run is written, so a system's own
# munge or Slurm configuration is left alone; the clients (sbatch, sinfo) find this cluster through SLURM_CONF,
# and slurm.conf's AuthInfo points them at this munged's socket.
# Settings (Slurm 22.05, no systemd, no cgroups): SlurmUser=root, proctrack/linuxproc, task/none, no accounting,
# cons_tres with CR_Core, ReturnToService=2, the node's CPUs and RealMemory as `slurmd -C` detects them; no
# cgroup.conf (22.05 does not know CgroupPlugin=disabled and slurmd stops on it). MinJobAge=6: `sbatch --wait`
# polls a job after 2 s, then every 8 and 32 s unless that exceeds a third of MinJobAge (so that a finished job is not
# forgotten between two polls); with MinJobAge=6 it polls every 2 s, and returns soon after a short array ends.
# Starting twice is harmless (running daemons are kept), and so is stopping when nothing runs.
set -euo pipefail

dir="${NEGLAB_SLURM_DIR:-/var/tmp/neglab-slurm}"
conf="$dir/slurm.conf"
# How long `start` waits for the node to report idle (seconds).
wait_seconds="${NEGLAB_SLURM_WAIT:-60}"

log() { echo "slurm-cluster: $*" >&2; }
fail() {
  log "error: $*"
  exit 1
}

# The PID in pidfile $1 when that process is alive and runs command $2, else nothing.
running_pid() {
  local pid
  [ -s "$1" ] || return 0
  pid=$(cat "$1")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] && echo "$pid"
  return 0
}

write_config() {
  local node detected
  node=$(hostname -s)
  # slurmd drains a node whose configured CPUs or memory exceed what it detects, so take its own detection.
  detected=$(slurmd -C | head -n 1) || fail "slurmd -C could not detect this machine's CPUs and memory"
  detected=$(sed -E 's/^NodeName=[^ ]+ //' <<<"$detected")
  cat >"$conf.tmp" <<EOF
# Written by scripts/slurm-cluster.sh: a one-node cluster for NegLab's tests.
ClusterName=neglab
SlurmctldHost=$node
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=6
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$node $detected State=UNKNOWN
PartitionName=neglab Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$conf.tmp" "$conf"
}

start_munged() {
  if [ -n "$(running_pid "$dir/munge/munged.pid" munged)" ]; then return; fi
  # munged refuses a key readable by others and a socket directory that not everyone can enter.
  mkdir -p "$dir/munge-key" "$dir/munge"
  chmod 700 "$dir/munge-key"
  chmod 755 "$dir/munge"
  if [ ! -s "$dir/munge-key/munge.key" ]; then
    (umask 077 && head -c 1024 /dev/urandom >"$dir/munge-key/munge.key")
    chmod 400 "$dir/munge-key/munge.key"
  fi
  munged --key-file="$dir/munge-key/munge.key" --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" \
    --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" ||
    fail "munged did not start; see $dir/log/munged.log"
  munge -S "$dir/munge/munge.socket" -n | unmunge -S "$dir/munge/munge.socket" >/dev/null ||
    fail "munged started but a credential does not round-trip (munge -n | unmunge); see $dir/log/munged.log"
}

# Starts daemon $1 (slurmctld or slurmd, both daemonise) unless it already runs.
start_slurm_daemon() {
  if [ -n "$(running_pid "$dir/$1.pid" "$1")" ]; then return; fi
  "$1" -f "$conf" || fail "$1 did not start; see $dir/log/$1.log"
}

# Prints the last lines of the daemons' logs and fails with message $1.
fail_with_logs() {
  log "$1; last log lines:"
  tail -n 5 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 2>/dev/null || true
  fail "the cluster did not come up; see $dir/log/"
}

wait_for_idle() {
  local node state daemon waited=0
  node=$(hostname -s)
  while :; do
    state=$(SLURM_CONF="$conf" sinfo -h -n "$node" -o %t 2>/dev/null || true)
    [ "$state" = "idle" ] && return
    # A daemon that exited (a port in use, a configuration it rejects) will not come back: no need to wait it out.
    if [ "$waited" -ge 2 ]; then
      for daemon in slurmctld slurmd; do
        [ -n "$(running_pid "$dir/$daemon.pid" "$daemon")" ] || fail_with_logs "$daemon exited"
      done
    fi
    [ "$waited" -lt "$wait_seconds" ] || fail_with_logs "node $node is not idle after ${wait_seconds}s (sinfo state: ${state:-no answer})"
    sleep 1
    waited=$((waited + 1))
  done
}

start() {
  [ "$(id -u)" -eq 0 ] || fail "start needs root (slurmd runs jobs as their users; SlurmUser=root)"
  for tool in munged munge unmunge slurmctld slurmd sinfo; do
    command -v "$tool" >/dev/null || fail "$tool not found on PATH: install Debian's slurm-wlm and munge"
  done
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  # A running controller keeps the configuration it read, so the file is rewritten only when none runs.
  if [ -z "$(running_pid "$dir/slurmctld.pid" slurmctld)" ]; then write_config; fi
  start_munged
  start_slurm_daemon slurmctld
  start_slurm_daemon slurmd
  wait_for_idle
  log "node $(hostname -s) idle; clients need SLURM_CONF=$conf"
  echo "export SLURM_CONF=$conf"
}

# Stops daemon $2 whose PID is in pidfile $1: SIGTERM, then SIGKILL if it is still there after 10 s.
stop_daemon() {
  local pid i
  pid=$(running_pid "$1" "$2")
  if [ -z "$pid" ]; then
    rm -f "$1"
    return
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$2 (pid $pid) did not stop on SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
  log "stopped $2 (pid $pid)"
}

stop() {
  stop_daemon "$dir/slurmd.pid" slurmd
  stop_daemon "$dir/slurmctld.pid" slurmctld
  stop_daemon "$dir/munge/munged.pid" munged
}

status() {
  local name pid
  for name in munge/munged slurmctld slurmd; do
    pid=$(running_pid "$dir/$name.pid" "${name#munge/}")
    if [ -n "$pid" ]; then echo "${name#munge/}: running (pid $pid)"; else echo "${name#munge/}: not running"; fi
  done
  if [ -f "$conf" ]; then SLURM_CONF="$conf" sinfo 2>&1 || true; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status   (state in \$NEGLAB_SLURM_DIR, default /var/tmp/neglab-slurm)" >&2
    exit 2
    ;;
esac
