/** aws-local-stepfunctions 3 uses Promise.withResolvers (Node 22+); these machines run Node 20. */
interface PromiseWithResolversShim {
  withResolvers?: <T>() => {
    promise: Promise<T>;
    resolve: (value: T) => void;
    reject: (reason?: unknown) => void;
  };
}

const promiseConstructor = Promise as unknown as PromiseWithResolversShim;
promiseConstructor.withResolvers ??= <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
