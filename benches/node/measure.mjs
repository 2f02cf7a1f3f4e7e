// What the Node scripts measure with: the process's CPU time, and the median of a sample.

/** Milliseconds of CPU time this process has used (user and system). */
export function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The median of `values` (the upper one of an even count). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}
