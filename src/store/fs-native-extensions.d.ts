/** The part of fs-native-extensions (no types of its own) that src/store/lock-data-dir.ts uses. */
declare module 'fs-native-extensions' {
  /** An exclusive (or shared) OS lock on an open file, without waiting: false when another holds it. */
  export function tryLock(fd: number, options?: { shared?: boolean }): boolean;
  export function unlock(fd: number): void;
}
