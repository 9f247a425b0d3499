#!/usr/bin/env bash
# A private, throw-away Slurm cluster on this machine, for tests: one slurmctld and three slurmd daemons
# (nodes n1..n3, all on 127.0.0.1, each on its own port) plus a private munged, every file under one state directory.
# Debian 12's slurm-wlm 22.05 and munge are installed with apt-get when missing. No systemd is used or touched:
# the daemons are started here and stopped here, by the pids they wrote. See docs/slurm-local.md.
#
#   build/slurm-local.sh start    install if needed, write the config, start munged, slurmctld, slurmd x3; wait until
#                                 every node is idle. A no-op (prints status) when the cluster is already up.
#   build/slurm-local.sh stop     cancel jobs, stop exactly the daemons started here (and their job step daemons),
#                                 remove the state directory. Safe to run twice, or when nothing runs.
#   build/slurm-local.sh status   daemons, nodes and queue; exit 0 when up, 3 when not.
#   build/slurm-local.sh env      prints the export lines a caller needs: eval "$(build/slurm-local.sh env)"
#   build/slurm-local.sh wait JOBID [SECONDS]
#                                 waits until JOBID (a job, or a whole job array) has left the queue, then prints
#                                 each task's final state and exit code; exit 0 only if all COMPLETED with 0:0;
#                                 exit 1 at once if it waits on a dependency that can never be satisfied or is held.
#   build/slurm-local.sh kill-node NODE [--slurmd-only]
#                                 SIGKILL to that node's slurmd and (unless --slurmd-only) its running jobs' processes
#   build/slurm-local.sh start-node NODE
#                                 starts that node's slurmd again
#
# Environment (all optional):
#   SLURM_LOCAL_DIR    state directory (default /tmp/lstmfcn-slurm): etc/slurm.conf, munge key and socket,
#                      spool, state, logs (log/), pid files (run/), completed-job records (log/jobcomp.txt)
#   SLURM_LOCAL_PORT   base TCP port (default 17000): slurmctld on it, slurmd nX on base+X
#   SLURM_LOCAL_NODES  number of nodes (default 3)
#   SLURM_LOCAL_CPUS   CPUs each node advertises (default 1: one task per node at a time)
#   SLURM_LOCAL_KEEP   1: `stop` leaves the state directory (logs) in place for inspection
set -euo pipefail

dir="${SLURM_LOCAL_DIR:-/tmp/lstmfcn-slurm}"
base_port="${SLURM_LOCAL_PORT:-17000}"
nodes="${SLURM_LOCAL_NODES:-3}"
cpus="${SLURM_LOCAL_CPUS:-1}"
conf="$dir/etc/slurm.conf"
socket="$dir/munge/munge.socket"

sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)

log() { echo "slurm-local: $*" >&2; }
die() { log "error: $*"; exit 2; }

export SLURM_CONF="$conf"

install_packages() {
  local missing=() pkg
  for pkg in slurmctld slurmd slurm-client munge; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  command -v apt-get >/dev/null || die "slurm is not installed and apt-get is not available (needs Debian 12's slurm-wlm)"
  log "installing ${missing[*]} (apt-get)"
  "${sudo_cmd[@]}" apt-get update -qq
  # No service is started by the packages where policy-rc.d forbids it; where it does not, the system munged or slurmd
  # would use the default socket, config and ports, none of which this cluster uses.
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    slurmctld slurmd slurm-client munge >/dev/null
}

# A process exists and is not a zombie (where pid 1 does not reap, as in some containers, a daemon that has exited
# stays in /proc as a zombie).
alive() {
  local st; st="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  st="${st##*) }"; [[ "${st:0:1}" != Z ]]
}

# pid from a pid file, only if that process is alive and is the named program.
live_pid() {
  local file="$1" name="$2" pid
  [[ -r "$file" ]] || return 1
  pid="$(tr -dc '0-9' < "$file")"
  [[ -n "$pid" ]] && alive "$pid" || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name"* ]] || return 1
  echo "$pid"
}

node_names() { local i; for ((i = 1; i <= nodes; i++)); do echo "n$i"; done; }

daemons() {  # "pidfile name" lines of every daemon this script starts
  echo "$dir/run/munged.pid munged"
  echo "$dir/run/slurmctld.pid slurmctld"
  local n; for n in $(node_names); do echo "$dir/run/slurmd-$n.pid slurmd"; done
}

all_running() {
  local file name
  while read -r file name; do live_pid "$file" "$name" >/dev/null || return 1; done < <(daemons)
}

any_running() {
  local file name
  while read -r file name; do live_pid "$file" "$name" >/dev/null && return 0; done < <(daemons)
  return 1
}

port_listening() {  # from /proc/net/tcp{,6}: a socket in LISTEN (0A) on that port
  local hex; hex="$(printf '%04X' "$1")"
  awk -v p=":$hex" 'NR > 1 && $4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' \
    /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

write_config() {
  local host; host="$(hostname -s)"
  [[ -n "$host" ]] || die "hostname -s is empty; slurmctld needs a host name"
  "${sudo_cmd[@]}" mkdir -p "$dir"/{etc,key,munge,run,log,state,spool,tmp}
  "${sudo_cmd[@]}" chmod 755 "$dir" "$dir"/{etc,munge,run,log,state,spool}
  "${sudo_cmd[@]}" chmod 700 "$dir/key"
  "${sudo_cmd[@]}" chmod 1777 "$dir/tmp"
  local n; for n in $(node_names); do "${sudo_cmd[@]}" mkdir -p -m 755 "$dir/spool/$n"; done
  if [[ ! -s "$dir/key/munge.key" ]]; then
    "${sudo_cmd[@]}" dd if=/dev/urandom of="$dir/key/munge.key" bs=1024 count=1 status=none
    "${sudo_cmd[@]}" chmod 400 "$dir/key/munge.key"
  fi
  "${sudo_cmd[@]}" tee "$conf" >/dev/null <<EOF
# Written by build/slurm-local.sh: a private test cluster. Every path is under $dir.
ClusterName=lstmfcn-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$base_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# socket: the private munged. cred_expire (default 120 s) is also how long a requeued job waits before it may start again.
AuthInfo=socket=$socket,cred_expire=10
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd-%n.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd-%n.log
MailProg=/bin/true
SlurmctldDebug=info
SlurmdDebug=info
TmpFS=$dir/tmp
PlugStackConfig=$dir/etc/plugstack.conf
# No cgroups, no systemd: processes are tracked by parent pid, tasks are not bound.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
# No slurmdbd (sacct does not work); each finished job is also appended here, one line per job or array task.
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
# Short timeouts for tests. A node silent for SlurmdTimeout seconds is set DOWN (measured: 16-20 s after its slurmd
# died; pings go out every SlurmdTimeout/3) and its batch jobs requeued (JobRequeue=1); a DOWN node that registers
# again returns to service by itself (ReturnToService=2). A slurmd restarted before its node is DOWN has its lost jobs
# noticed only at the periodic re-registration, every 20 pings (about 60 s here). See docs/slurm-local.md.
SlurmdTimeout=10
SlurmctldTimeout=10
MessageTimeout=5
TCPTimeout=2
BatchStartTimeout=10
KillWait=5
UnkillableStepTimeout=10
InactiveLimit=0
WaitTime=0
JobRequeue=1
ReturnToService=2
# Finished jobs stay visible to squeue/scontrol for 10 minutes.
MinJobAge=600
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=2,bf_interval=1,sched_min_interval=0
NodeName=DEFAULT CPUs=$cpus RealMemory=1000 State=UNKNOWN
EOF
  for n in $(node_names); do
    "${sudo_cmd[@]}" tee -a "$conf" >/dev/null <<EOF
NodeName=$n NodeHostname=$host NodeAddr=127.0.0.1 Port=$((base_port + ${n#n}))
EOF
  done
  "${sudo_cmd[@]}" tee -a "$conf" >/dev/null <<EOF
PartitionName=debug Nodes=n[1-$nodes] Default=YES MaxTime=INFINITE State=UP
EOF
  "${sudo_cmd[@]}" touch "$dir/etc/plugstack.conf"
  "${sudo_cmd[@]}" chmod 644 "$conf" "$dir/etc/plugstack.conf"
}

wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...
  local limit="$1" what="$2"; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { log "timed out after ${limit}s waiting for $what"; return 1; }
    sleep 0.2
  done
}

munge_ok() { munge -S "$socket" -n | unmunge -S "$socket"; }
ctld_up() { [[ "$(scontrol ping 2>/dev/null)" == *"is UP"* ]]; }
nodes_idle() {  # every node of ours is idle (nothing down, unknown or not responding)
  local states; states="$(sinfo -h -N -o '%N %T' 2>/dev/null | sort -u)" || return 1
  [[ $(grep -c ' idle$' <<<"$states") -eq $nodes ]]
}

show_status() {
  local file name pid up=0
  while read -r file name; do
    if pid="$(live_pid "$file" "$name")"; then echo "$(basename "$file" .pid): running, pid $pid"; up=$((up + 1))
    else echo "$(basename "$file" .pid): not running"; fi
  done < <(daemons)
  if live_pid "$dir/run/slurmctld.pid" slurmctld >/dev/null; then
    sinfo -N -o '%N %T %E' 2>/dev/null || true
    squeue -o '%.12i %.10j %.8T %.10M %R' 2>/dev/null || true
  fi
  echo "SLURM_CONF=$conf"
  [[ $up -eq $(daemons | wc -l) ]]
}

print_env() {
  echo "export SLURM_CONF='$conf'"
  echo "export SLURM_LOCAL_DIR='$dir'"
  # munge/unmunge take the socket with -S; Slurm's commands take it from SLURM_CONF (AuthInfo=socket=...).
  echo "export SLURM_LOCAL_MUNGE_SOCKET='$socket'"
}

start() {
  if all_running; then
    log "already running (no-op)"
    show_status
    return 0
  fi
  if any_running; then
    log "partly running: stopping the rest first"
    stop
  fi
  install_packages
  local p
  for ((p = base_port; p <= base_port + nodes; p++)); do
    port_listening "$p" && die "TCP port $p is already in use; set SLURM_LOCAL_PORT to another base port"
  done
  # A fresh cluster every time: no jobs or node states restored from an earlier run.
  "${sudo_cmd[@]}" rm -rf "$dir"
  write_config

  local t0=$SECONDS
  # Whatever fails from here on, leave nothing running.
  trap 'rc=$?; if ((rc != 0)); then log "start failed; stopping what was started"; stop; fi' EXIT
  "${sudo_cmd[@]}" munged --force --socket="$socket" --key-file="$dir/key/munge.key" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/key/munged.seed"
  wait_for 10 munged munge_ok || { tail -n 20 "$dir/log/munged.log" >&2 || true; exit 1; }

  # -i: ignore state files (there are none); the daemons read SLURM_CONF through -f.
  "${sudo_cmd[@]}" slurmctld -f "$conf" -i
  wait_for 20 slurmctld ctld_up || { tail -n 30 "$dir/log/slurmctld.log" >&2 || true; exit 1; }

  local n
  for n in $(node_names); do "${sudo_cmd[@]}" slurmd -f "$conf" -N "$n"; done
  if ! wait_for 30 "nodes to be idle" nodes_idle; then
    sinfo -N -o '%N %T %E' >&2 || true
    for n in $(node_names); do tail -n 10 "$dir/log/slurmd-$n.log" >&2 || true; done
    exit 1
  fi
  trap - EXIT
  log "up in $((SECONDS - t0))s: slurmctld on 127.0.0.1:$base_port, nodes $(node_names | tr '\n' ' ')(partition debug)"
  show_status
}

stop_pid() {  # TERM, up to 10 s, then KILL
  local pid="$1" i
  "${sudo_cmd[@]}" kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 50; i++)); do alive "$pid" || return 0; sleep 0.2; done
  "${sudo_cmd[@]}" kill -KILL "$pid" 2>/dev/null || true
}

# pid and parent pid of every process, from /proc (procps may be absent on a minimal machine).
proc_table() {
  local stat rest
  for stat in /proc/[0-9]*/stat; do
    rest="$(cat "$stat" 2>/dev/null)" || continue
    rest="${rest##*) }"   # after the command name, which may hold spaces and parentheses
    # shellcheck disable=SC2086  # split into fields on purpose
    set -- $rest
    echo "${stat//[^0-9]/} $2"
  done
}

# Job step daemons (slurmstepd) of one node, or of every node of this cluster: each holds its node's slurmd log open.
stepds() {
  local node="${1:-}" p target
  if [[ -n "$node" ]]; then target="$dir/log/slurmd-$node.log"; else target="$dir/log/slurmd-"; fi
  for p in /proc/[0-9]*; do
    [[ "$(cat "$p/comm" 2>/dev/null)" == slurmstepd ]] || continue
    local fds; fds="$("${sudo_cmd[@]}" find "$p/fd" -mindepth 1 -maxdepth 1 -lname "$target*" 2>/dev/null || true)"
    [[ -n "$fds" ]] && echo "${p#/proc/}"
  done
}

# The given pids and all their descendants.
with_descendants() {
  local table todo=("$@") pid child
  table="$(proc_table)"
  while [[ ${#todo[@]} -gt 0 ]]; do
    pid="${todo[0]}"; todo=("${todo[@]:1}")
    echo "$pid"
    for child in $(awk -v p="$pid" '$2 == p { print $1 }' <<<"$table"); do todo+=("$child"); done
  done
}

# Simulates the death of a node: SIGKILL to its slurmd and, unless --slurmd-only, to its job step daemons and every
# process of their jobs. Slurm notices after SlurmdTimeout (see docs/slurm-local.md); start-node brings it back.
kill_node() {
  local node="${1:?usage: slurm-local.sh kill-node NODE [--slurmd-only]}" mode="${2:-}" pid victims=()
  pid="$(live_pid "$dir/run/slurmd-$node.pid" slurmd)" && victims+=("$pid")
  if [[ "$mode" != --slurmd-only ]]; then
    local s d; mapfile -t s < <(stepds "$node")
    if [[ ${#s[@]} -gt 0 ]]; then mapfile -t d < <(with_descendants "${s[@]}"); victims+=("${d[@]}"); fi
  fi
  [[ ${#victims[@]} -gt 0 ]] || { log "nothing of $node is running"; return 0; }
  log "kill -KILL ${victims[*]} ($node)"
  "${sudo_cmd[@]}" kill -KILL "${victims[@]}" 2>/dev/null || true
}

start_node() {
  local node="${1:?usage: slurm-local.sh start-node NODE}"
  if live_pid "$dir/run/slurmd-$node.pid" slurmd >/dev/null; then log "$node: slurmd already running"; return 0; fi
  "${sudo_cmd[@]}" slurmd -f "$conf" -N "$node"
  log "$node: slurmd started; a node that was set DOWN returns to service when it registers (ReturnToService=2)"
}

stop() {
  local pid file name
  if live_pid "$dir/run/slurmctld.pid" slurmctld >/dev/null; then
    # Jobs first, so their step daemons end their tasks (KillWait=5); at most 5 s (a dead node's jobs stay COMPLETING).
    "${sudo_cmd[@]}" scancel --full --quiet --user=root 2>/dev/null || true
    scancel --full --quiet 2>/dev/null || true
    local deadline=$((SECONDS + 5))
    while [[ -n "$(squeue -h -t running,completing -o %i 2>/dev/null)" ]] && ((SECONDS < deadline)); do sleep 0.5; done
  fi
  # slurmd first, then slurmctld, munged last (the others authenticate through it until they exit).
  while read -r file name; do
    [[ "$name" == slurmd ]] || continue
    if pid="$(live_pid "$file" "$name")"; then stop_pid "$pid"; fi
  done < <(daemons)
  # Step daemons left by a killed slurmd, and their jobs' processes.
  local left procs; mapfile -t left < <(stepds)
  if [[ ${#left[@]} -gt 0 ]]; then
    mapfile -t procs < <(with_descendants "${left[@]}")
    "${sudo_cmd[@]}" kill -KILL "${procs[@]}" 2>/dev/null || true
  fi
  if pid="$(live_pid "$dir/run/slurmctld.pid" slurmctld)"; then stop_pid "$pid"; fi
  if pid="$(live_pid "$dir/run/munged.pid" munged)"; then stop_pid "$pid"; fi
  if [[ "${SLURM_LOCAL_KEEP:-0}" == 1 ]]; then
    log "stopped; state kept in $dir"
  else
    # Refuse to delete anything that is not one of our state directories.
    if [[ -d "$dir" && ( -f "$dir/etc/slurm.conf" || -z "$(ls -A "$dir")" ) ]]; then "${sudo_cmd[@]}" rm -rf "$dir"; fi
    log "stopped"
  fi
}

wait_job() {  # wait_job JOBID [SECONDS]
  local job="${1:?usage: slurm-local.sh wait JOBID [SECONDS]}" limit="${2:-300}"
  local deadline=$((SECONDS + limit)) states
  while :; do
    # One line per job or array task (pending tasks of an array may share one line), finished ones included.
    states="$(squeue -h -j "$job" -t all -o '%i %T %r' 2>/dev/null)" || states=""
    [[ -n "$states" ]] || { log "job $job is unknown (finished more than MinJobAge ago? see $dir/log/jobcomp.txt)"; return 1; }
    if grep -q ' PENDING DependencyNeverSatisfied' <<<"$states"; then
      log "job $job can never start: a job it depends on did not end as required"; echo "$states"; return 1
    fi
    # Held (e.g. "launch failed requeued held", JobHeldAdmin): nothing happens until `scontrol release`.
    if grep -q -i ' PENDING .*held' <<<"$states"; then log "job $job is held"; echo "$states"; return 1; fi
    # Terminal states only; PENDING (also after a requeue), RUNNING, COMPLETING, REQUEUED... mean "not yet".
    grep -q -v -E ' (COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE|PREEMPTED) ' \
      <<<"$states" || break
    ((SECONDS < deadline)) || { log "job $job not finished after ${limit}s"; echo "$states" >&2; return 1; }
    sleep 1
  done
  local ok=0 id line state exitc restarts
  while read -r id _; do
    line="$(scontrol -o show job "$id" 2>/dev/null | head -n 1)"
    state="$(grep -o 'JobState=[A-Z_]*' <<<"$line" | cut -d= -f2)"
    exitc="$(grep -o ' ExitCode=[0-9:]*' <<<"$line" | cut -d= -f2)"
    restarts="$(grep -o 'Restarts=[0-9]*' <<<"$line" | cut -d= -f2)"
    echo "$id $state exit=$exitc restarts=$restarts"
    [[ "$state" == COMPLETED && "$exitc" == 0:0 ]] || ok=1
  done <<<"$states"
  return $ok
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) show_status || exit 3 ;;
  env) print_env ;;
  wait) shift; wait_job "$@" ;;
  kill-node) shift; kill_node "$@" ;;
  start-node) shift; start_node "$@" ;;
  *) echo "usage: $0 start|stop|status|env|wait JOBID [SECONDS]|kill-node NODE [--slurmd-only]|start-node NODE" >&2
     exit 2 ;;
esac
