import { glob } from "astro/loaders";
import type { Loader } from "astro/loaders";

/**
 * Astro's glob loader only logs a note that fails to render and publishes it empty.
 * This one wraps it and turns that error into a failed build, with the plugin's own message
 * (file, line and what is wrong).
 */
export function strictGlob(options: Parameters<typeof glob>[0]): Loader {
  const inner = glob(options);
  return {
    ...inner,
    name: "strict-glob",
    load: (context) =>
      inner.load({
        ...context,
        logger: new Proxy(context.logger, {
          get(target, key, receiver) {
            if (key === "error") {
              return (message: string) => {
                throw new Error(message);
              };
            }
            const value = Reflect.get(target, key, receiver);
            return typeof value === "function" ? value.bind(target) : value;
          },
        }),
      }),
  };
}
