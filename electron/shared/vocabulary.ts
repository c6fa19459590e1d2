/**
 * A fixed list of words, each written once with the Dutch label the screens show: the keys come out
 * in the order written (for `z.enum` and pick-lists), the labels as a map the type checker keeps whole.
 * Keys must not look like integers (JavaScript would put those first).
 */
export function vocabulary<const Labels extends Record<string, string>>(labels: Labels) {
  type Key = keyof Labels & string;
  const keys = Object.keys(labels) as [Key, ...Key[]];
  return [keys, labels as Readonly<Record<Key, string>>] as const;
}
