package org.clutch.web.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Calls released at the same instant, one thread each, for the tests of what happens when people act at once. */
final class Simultaneously {

    private Simultaneously() {
    }

    /** Runs the calls together and answers their results in the order given. */
    static <T> List<T> run(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code count} calls together, the i-th given i. */
    static <T> List<T> run(int count, IntFunction<T> call) throws Exception {
        return run(IntStream.range(0, count).<Callable<T>>mapToObj(i -> () -> call.apply(i)).toList());
    }
}
