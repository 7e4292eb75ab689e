/**
 * Why something failed, read out as soon as it appears (`role="alert"`); nothing while `error` is
 * null. `say` words the reason (the error's message) in the screen's own sentence. `inline` for a
 * note beside a button in a row.
 */
export function ErrorNote({
  error,
  say,
  inline = false,
  className = 'error',
}: {
  error: Error | null;
  say(reason: string): string;
  inline?: boolean;
  className?: string;
}) {
  if (!error) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className={className} role="alert">
      {say(error.message)}
    </Tag>
  );
}
