/**
 * The workshop screen, fetched the first time it is opened: office staff never download the
 * editor, and a trainer's first screen (the list) comes up without waiting for it. Browser only.
 */
import type { Context, Screen } from './context.ts';

type WorkshopScreen = Screen & { show(id: string): void };

/** A stand-in for the workshop screen that loads it on first use. */
export function lazyWorkshopScreen(context: () => Context | undefined) {
  let loaded: Promise<WorkshopScreen> | undefined;
  let screen: WorkshopScreen | undefined;
  let wanted: string | undefined;

  const load = () => {
    loaded ??= import('./workshop.ts').then(({ workshopScreen }) => {
      screen = workshopScreen(context);
      return screen;
    });
    return loaded;
  };

  return {
    /** Shows workshop `id` once the screen is loaded; resolves true when it was shown. */
    async show(id: string): Promise<boolean> {
      wanted = id;
      const ready = await load();
      // Only if nothing else was asked for while it loaded.
      if (wanted !== id) return false;
      ready.show(id);
      return true;
    },
    hide() {
      wanted = undefined;
      screen?.hide();
    },
    clear() {
      wanted = undefined;
      screen?.clear();
    },
  } satisfies Screen & { show(id: string): Promise<boolean> };
}
