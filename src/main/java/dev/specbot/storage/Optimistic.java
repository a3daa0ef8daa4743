package dev.specbot.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Work on one interview in three steps, so that nobody waits for it: read what it needs in a short
 * transaction, compute (render, parse, build Block Kit) with no transaction open, then write in a
 * second short transaction if the interview's version is still the one read. If something changed
 * the interview in between, the work starts again from the read: SQLite has one writer, and a long
 * answer's rendering held under its lock would hold up every other person's request.
 */
public final class Optimistic {
  /**
   * Each retry means another change to the same interview was committed in between, so retries only
   * follow progress; this bound turns a bug into an error instead of a loop.
   */
  private static final int MAX_ATTEMPTS = 20;

  private Optimistic() {}

  /** What the read found: a result already, or work to compute on what was read. */
  public sealed interface Read<T> permits Done, Compute {}

  /** Nothing to compute or write: the read alone decided. */
  record Done<T>(T result) implements Read<T> {}

  /**
   * Work to compute with no transaction open; its write is taken only while the interview is still
   * at {@code version}.
   */
  record Compute<T>(String interviewId, long version, Supplier<Write<T>> compute)
      implements Read<T> {}

  /** The writes that the computed work comes to, in one transaction. */
  @FunctionalInterface
  public interface Write<T> {
    T write(Tx tx);
  }

  public static <T> Read<T> done(T result) {
    return new Done<>(result);
  }

  public static <T> Read<T> compute(String interviewId, long version, Supplier<Write<T>> compute) {
    return new Compute<>(interviewId, version, compute);
  }

  /**
   * Work on one interview that a key names, done once: a request Slack sends again with the same
   * key (a retried button press or form) finds the key and does nothing, as does a key for an
   * interview that does not exist. {@code read} reads what the work needs; {@code compute} turns it
   * into the writes, with no transaction open. Returns whether the writes were taken.
   */
  public static <P> boolean once(
      Database database,
      String key,
      String interviewId,
      Instant now,
      BiFunction<Tx, StoredInterview, P> read,
      Function<P, Consumer<Tx>> compute) {
    return run(
        database,
        tx -> {
          Optional<StoredInterview> stored = tx.interviews().find(interviewId);
          if (stored.isEmpty() || tx.events().seen(key)) {
            return done(false); // A key for nothing is not remembered.
          }
          P found = read.apply(tx, stored.get());
          return compute(
              interviewId,
              tx.interviews().version(interviewId),
              () -> {
                Consumer<Tx> change = compute.apply(found);
                return write -> {
                  if (!write.events().firstTime(key, now)) {
                    return false;
                  }
                  change.accept(write);
                  return true;
                };
              });
        });
  }

  /** Runs the read, the computation and the write, again from the read while it is stale. */
  public static <T> T run(Database database, Function<Tx, Read<T>> read) {
    Objects.requireNonNull(read, "null read");
    for (int attempt = 1; ; attempt++) {
      Read<T> found = database.read(read::apply);
      if (found instanceof Done<T> done) {
        return done.result();
      }
      Compute<T> work = (Compute<T>) found;
      Write<T> write = work.compute().get();
      try {
        return database.transaction(
            tx -> {
              // Checked by the write's update of the interview, in the same statement; else after.
              tx.interviews().expectVersion(work.interviewId(), work.version());
              T result = write.write(tx);
              if (!tx.interviews().holdsExpectedVersion()) {
                throw new Stale();
              }
              return result;
            });
      } catch (Stale stale) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new IllegalStateException(
              "interview " + work.interviewId() + " kept changing; gave up after " + attempt);
        }
      }
    }
  }

  /**
   * The interview changed after it was read: the transaction rolls back and the work starts over.
   * Thrown here, or by the write's update of the interview ({@link Interviews#expectVersion}).
   */
  static final class Stale extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stale() {
      super("stale", null, false, false);
    }
  }
}
