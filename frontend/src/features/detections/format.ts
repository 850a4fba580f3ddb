const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** 0.873 -> "87%" */
export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Time on the first line, date on the second, for narrow table cells. */
export function formatTimeParts(iso: string): { time: string; day: string } {
  const date = new Date(iso);
  return { time: time.format(date), day: day.format(date) };
}

/** "person" -> "Person" */
export function formatClass(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A normalised 0..1 coordinate as a percentage of the picture: 0.1234 -> "12.3%". */
export function formatFraction(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
