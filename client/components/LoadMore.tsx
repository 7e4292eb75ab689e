/** The pages of an infinite query, as far as loading more goes. */
interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

/** "Older" / "More": loads the next page of a list; nothing when there is none. */
export function LoadMore({ query, label }: { query: Pages; label: string }) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className="link"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {label}
    </button>
  );
}
