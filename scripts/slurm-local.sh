#!/usr/bin/env bash
# A single-node Slurm on localhost, for tests and CI: scripts/slurm-local.sh start|stop|status
#
# Needs root and Debian's packages slurmctld, slurmd, slurm-client and munge (installed with
# apt-get when missing). Nothing here relies on systemd: `start` writes a minimal
# /etc/slurm/slurm.conf (one node, "localhost", with every core of this machine; processes
# tracked by parent id, so no cgroup setup is needed) and /etc/slurm/cgroup.conf, starts munged,
# slurmctld and slurmd by hand and waits until the node is idle. `stop` shuts the three daemons
# down again and waits until they are gone. `start` on a Slurm that is already up only checks it.
#
# A slurm.conf that this script did not write (a real cluster's) is never overwritten.
# Logs: /var/log/slurm/slurmctld.log and /var/log/slurm/slurmd.log.
set -euo pipefail

conf_dir=/etc/slurm
conf=$conf_dir/slurm.conf
marker="# Written by Parzen's scripts/slurm-local.sh: a single-node Slurm on localhost."
ctld_pid=/run/slurmctld.pid
slurmd_pid=/run/slurmd.pid
munge_pid=/run/munge/munged.pid
logs=/var/log/slurm

fail() { echo "slurm-local: $*" >&2; exit 1; }

# Whether the process named in pid file $1 is alive (a zombie waiting for its parent is not).
alive() {
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]
}

node_state() { sinfo -h -n localhost -o %T 2>/dev/null || true; }

# Waits up to $2 seconds (in steps of 0.2 s) until command $1 succeeds.
wait_for() {
  local steps=$(($2 * 5))
  for _ in $(seq 1 "$steps"); do
    if eval "$1"; then return 0; fi
    sleep 0.2
  done
  return 1
}

show_logs() {
  for log in "$logs/slurmctld.log" "$logs/slurmd.log"; do
    [ -f "$log" ] && { echo "--- last lines of $log" >&2; tail -n 20 "$log" >&2; }
  done
  return 0
}

install_packages() {
  local missing=()
  command -v munged >/dev/null 2>&1 || [ -x /usr/sbin/munged ] || missing+=(munge)
  command -v slurmctld >/dev/null 2>&1 || [ -x /usr/sbin/slurmctld ] || missing+=(slurmctld)
  command -v slurmd >/dev/null 2>&1 || [ -x /usr/sbin/slurmd ] || missing+=(slurmd)
  command -v sbatch >/dev/null 2>&1 || missing+=(slurm-client)
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || fail "missing ${missing[*]} and no apt-get to install them"
  echo "slurm-local: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  # Services do not start from the packages' scripts in a container (policy-rc.d), nor are they
  # meant to: this script starts them.
  apt-get install -y -q --no-install-recommends munge slurmctld slurmd slurm-client >/dev/null \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends munge slurmctld slurmd slurm-client >/dev/null; } \
    || fail "apt-get could not install munge slurmctld slurmd slurm-client"
}

write_config() {
  if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
    fail "$conf exists and was not written by this script; not touching a real Slurm configuration"
  fi
  mkdir -p "$conf_dir" /var/spool/slurmctld /var/spool/slurmd "$logs"
  # Scheduling without delays (tasks start about a second apart instead of three) and a short
  # KillWait, so that a cancelled task is gone within seconds.
  cat > "$conf" <<CONF
$marker
ClusterName=local
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$ctld_pid
SlurmdPidFile=$slurmd_pid
SlurmctldLogFile=$logs/slurmctld.log
SlurmdLogFile=$logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
KillWait=5
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  # proctrack/linuxproc and task/none use no cgroups; the file says so for slurmd.
  cat > "$conf_dir/cgroup.conf" <<CONF
$marker
CgroupPlugin=autodetect
ConstrainCores=no
ConstrainRAMSpace=no
ConstrainDevices=no
CONF
}

start() {
  [ "$(id -u)" -eq 0 ] || fail "start needs root (it installs packages and starts daemons)"
  install_packages
  if alive "$ctld_pid" && alive "$slurmd_pid" && [ "$(node_state)" = idle ]; then
    echo "slurm-local: already up (node localhost idle)"
    return 0
  fi
  write_config

  # munge: the key comes with the package; create one if it is missing.
  [ -s /etc/munge/munge.key ] || mungekey --create --keyfile=/etc/munge/munge.key
  chown munge:munge /etc/munge/munge.key
  chmod 600 /etc/munge/munge.key
  install -d -o munge -g munge -m 755 /run/munge
  if ! alive "$munge_pid"; then
    runuser -u munge -- /usr/sbin/munged || fail "munged did not start"
  fi
  munge -n | unmunge >/dev/null || fail "munge cannot encode and decode a credential"

  alive "$ctld_pid" || slurmctld -i || { show_logs; fail "slurmctld did not start"; }
  # The node's name must equal NodeName; this machine's host name is something else.
  alive "$slurmd_pid" || slurmd -N localhost || { show_logs; fail "slurmd did not start"; }
  if ! wait_for '[ "$(node_state)" = idle ]' 60; then
    show_logs
    fail "node localhost is not idle after 60 s (state: '$(node_state)')"
  fi
  echo "slurm-local: up (node localhost idle, $(nproc) CPUs, partition debug)"
}

stop() {
  [ "$(id -u)" -eq 0 ] || fail "stop needs root"
  if alive "$ctld_pid"; then
    scontrol shutdown >/dev/null 2>&1 || true # stops slurmctld and every slurmd
  fi
  if ! wait_for '! alive "$ctld_pid" && ! alive "$slurmd_pid"' 15; then
    for pid_file in "$ctld_pid" "$slurmd_pid"; do
      alive "$pid_file" && kill "$(cat "$pid_file")" 2>/dev/null || true
    done
    wait_for '! alive "$ctld_pid" && ! alive "$slurmd_pid"' 10 || fail "slurmctld or slurmd is still running"
  fi
  if alive "$munge_pid"; then
    kill "$(cat "$munge_pid")" 2>/dev/null || true
    wait_for '! alive "$munge_pid"' 10 || fail "munged is still running"
  fi
  echo "slurm-local: down"
}

status() {
  local up=0
  for pid_file in "$munge_pid" "$ctld_pid" "$slurmd_pid"; do
    if alive "$pid_file"; then echo "$(basename "$pid_file" .pid): running (pid $(cat "$pid_file"))"
    else echo "$(basename "$pid_file" .pid): not running"; up=1; fi
  done
  echo "node localhost: $(node_state)"
  return $up
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
