import { readFileSync } from 'node:fs';

/**
 * CPU time of the calling thread in milliseconds. On Linux, from the scheduler's count in
 * `/proc/thread-self/schedstat` (nanoseconds on a CPU): `optimize` overlaps its own work with
 * the binding's threads, and the process's total (`process.cpuUsage`) would charge each to the
 * other. Elsewhere, the process's total, as before.
 */
export function threadCpuMs(): number {
  if (schedstat) {
    try {
      return Number(readFileSync(schedstat, 'latin1').split(' ', 1)[0]) / 1e6;
    } catch {
      schedstat = undefined;
    }
  }
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

let schedstat: string | undefined = process.platform === 'linux' ? '/proc/thread-self/schedstat' : undefined;
