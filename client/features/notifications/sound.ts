declare global {
  interface Window {
    /** Safari before 14.1 names Web Audio's context with its prefix only. */
    webkitAudioContext?: typeof AudioContext;
  }
}

let ctx: AudioContext | null = null;

/** A short, soft two-note chime made with Web Audio (no sound file to download). */
export function playChime(): void {
  try {
    const Ctor = window.AudioContext ?? window.webkitAudioContext;
    if (!Ctor) return;
    ctx ??= new Ctor();
    const t0 = ctx.currentTime;
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const start = t0 + i * 0.12;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.35);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.4);
    }
  } catch {
    // Audio blocked until the first user gesture: silently skip.
  }
}
