/**
 * The tail every asynchronous command shares: when `moduleUrl` is the script Node was started with (not a test
 * importing it), runs `main` on the command line's arguments and exits with its code, or prints the error and exits 1.
 */
export function runIfMain(moduleUrl: string, main: (argv: string[]) => Promise<number>): void {
  if (moduleUrl !== `file://${process.argv[1]}`) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
