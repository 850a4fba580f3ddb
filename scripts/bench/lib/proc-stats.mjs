// CPU time and memory of processes, read from /proc (Linux): utime+stime in clock ticks from
// /proc/<pid>/stat, VmRSS from /proc/<pid>/status, Pss from /proc/<pid>/smaps_rollup.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second (`getconf CLK_TCK`, 100 on Linux in practice). */
export function clockTicksPerSecond() {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    if (Number.isFinite(ticks) && ticks > 0) return ticks;
  } catch {
    // fall through
  }
  return 100;
}

/**
 * {pid, comm, ppid, cpuTicks, childrenCpuTicks} of one process, or null when it is gone. childrenCpuTicks
 * (cutime+cstime) is the CPU of its children that have exited and been waited for.
 */
export function processStat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name is in parentheses and may itself hold spaces or parentheses.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' '); // fields[0] is field 3 (state)
  return {
    pid,
    comm: text.slice(open + 1, close),
    ppid: Number(fields[1]),
    cpuTicks: Number(fields[11]) + Number(fields[12]), // utime (14) + stime (15)
    childrenCpuTicks: Number(fields[13]) + Number(fields[14]), // cutime (16) + cstime (17)
  };
}

function statusKb(file, key) {
  try {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Resident set size in kB (counts shared library pages in every process that maps them). */
export const rssKb = (pid) => statusKb(`/proc/${pid}/status`, 'VmRSS');
/** Proportional set size in kB (shared pages split between the processes sharing them). */
export const pssKb = (pid) => statusKb(`/proc/${pid}/smaps_rollup`, 'Pss');

/** Children of parentPid whose command name is comm. */
export function childrenOf(parentPid, comm) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = processStat(Number(entry));
    if (stat && stat.ppid === parentPid && (!comm || stat.comm === comm)) children.push(stat);
  }
  return children;
}

/** The command line of a process as its arguments ([] when it is gone). */
export function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** Machine-wide busy and total jiffies (first line of /proc/stat). */
export function machineCpuTicks() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const numbers = values.map(Number);
  const idle = numbers[3] + (numbers[4] ?? 0); // idle + iowait
  const total = numbers.slice(0, 8).reduce((sum, value) => sum + value, 0); // without guest (already in user)
  return { busy: total - idle, total };
}

export function loadAverage() {
  const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
  return { one, five, fifteen };
}
