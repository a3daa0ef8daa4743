package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.GENERAL;
import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.count;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentWritersTest {
  private static final int THREADS = 8;
  private static final int TRANSACTIONS = 200;

  @TempDir Path folder;

  @Test
  void eight_threads_writing_at_once_all_succeed_and_lose_nothing() throws Exception {
    Path file = folder.resolve("specbot.db");
    try (Database database = Fixtures.open(file)) {
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<Integer>> writers = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
          writers.add(threads.submit(writer(database, "i-" + thread, start)));
        }
        start.countDown();
        for (Future<Integer> writer : writers) {
          // Throws if any transaction failed, SQLITE_BUSY included.
          assertEquals(TRANSACTIONS, writer.get(120, SECONDS));
        }
      } finally {
        threads.shutdownNow();
      }

      assertEquals(THREADS * TRANSACTIONS, count(file, "processed_events"));
      assertEquals(2 * THREADS * TRANSACTIONS, count(file, "outbox"));
      assertEquals(THREADS * (TRANSACTIONS - 1), count(file, "answers"));
      Fixtures.inTransaction(
          database,
          tx -> {
            for (int thread = 0; thread < THREADS; thread++) {
              String id = "i-" + thread;
              Interview stored = tx.interviews().find(id).orElseThrow().interview();
              assertEquals(TRANSACTIONS - 1, stored.current(), id);
              assertEquals(TRANSACTIONS - 1, stored.answers().size(), id);
              List<OutboxMessage> lane = tx.outbox().pending(id);
              assertEquals(range(TRANSACTIONS), lane.stream().map(OutboxMessage::seq).toList(), id);
              assertEquals(
                  range(TRANSACTIONS),
                  lane.stream().map(message -> Long.parseLong(message.payload())).toList(),
                  id);
            }
            // One lane written by every thread: each seq handed out exactly once.
            assertEquals(
                range(THREADS * TRANSACTIONS),
                tx.outbox().pending("shared").stream().map(OutboxMessage::seq).toList());
          });
    }
  }

  /** One thread's work: each transaction records an event, writes its interview and enqueues. */
  private static Callable<Integer> writer(
      Database database, String interviewId, CountDownLatch start) {
    return () -> {
      assertTrue(start.await(10, SECONDS));
      for (int i = 0; i < TRANSACTIONS; i++) {
        int step = i;
        Instant now = T0.plusMillis(step);
        database.transaction(
            tx -> {
              assertTrue(tx.events().firstTime(interviewId + ":" + step, now));
              if (step == 0) {
                tx.interviews().insert(Fixtures.interview(interviewId, "U1", now), GENERAL);
              } else {
                tx.interviews()
                    .update(answered(tx.interviews().find(interviewId).orElseThrow(), step, now));
              }
              tx.outbox().enqueue(interviewId, "POST", Integer.toString(step + 1), now);
              tx.outbox().enqueue("shared", "POST", "{}", now);
              return null;
            });
      }
      return TRANSACTIONS;
    };
  }

  private static Interview answered(StoredInterview stored, int step, Instant now) {
    Interview before = stored.interview();
    Map<String, String> answers = new HashMap<>(before.answers());
    answers.put("q-" + step, "answer " + step);
    return new Interview(
        before.id(),
        before.templateId(),
        before.title(),
        before.drafterId(),
        before.drafterName(),
        Status.ASKING,
        step,
        answers,
        Set.of(),
        before.createdAt(),
        now);
  }

  private static List<Long> range(int count) {
    return LongStream.rangeClosed(1, count).boxed().toList();
  }
}
