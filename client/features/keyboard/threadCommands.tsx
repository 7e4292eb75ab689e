import { createContext, useContext, useEffect, useRef, type MutableRefObject, type ReactNode } from 'react';
import { useLatest } from '#client/components/useLatest';

/** Actions on the open thread that shortcuts and the command palette can trigger. */
export interface ThreadCommands {
  reply(): void;
  note(): void;
  resolve(): void;
  reopen(): void;
  take(): void;
  toggleCustomer(): void;
}

const Ctx = createContext<MutableRefObject<ThreadCommands | null> | null>(null);

/** Holds the open thread's commands for the workspace-level shortcuts. */
export function ThreadCommandsProvider({ children }: { children: ReactNode }) {
  const ref = useRef<ThreadCommands | null>(null);
  return <Ctx.Provider value={ref}>{children}</Ctx.Provider>;
}

/** The open thread's commands, or null when no thread is open (read at call time). */
export function useThreadCommands(): () => ThreadCommands | null {
  const ref = useContext(Ctx);
  return () => ref?.current ?? null;
}

/** Register the open thread's commands for as long as it is on screen. */
export function useProvideThreadCommands(cmds: ThreadCommands): void {
  const ref = useContext(Ctx);
  const latest = useLatest(cmds);
  useEffect(() => {
    if (!ref) return;
    const proxy: ThreadCommands = {
      reply: () => latest.current.reply(),
      note: () => latest.current.note(),
      resolve: () => latest.current.resolve(),
      reopen: () => latest.current.reopen(),
      take: () => latest.current.take(),
      toggleCustomer: () => latest.current.toggleCustomer(),
    };
    ref.current = proxy;
    return () => {
      if (ref.current === proxy) ref.current = null;
    };
  }, [ref, latest]);
}
