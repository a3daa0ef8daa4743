package dev.specbot.slack.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files of the three-step upload: reserved, then uploaded, then completed with a title, and
 * shared where completing them asked for (at once, or once held shares are released).
 */
final class Uploads {
  private final Map<String, String> filenames = new LinkedHashMap<>();
  private final Map<String, Instant> reservedAt = new LinkedHashMap<>();
  private final Map<String, byte[]> contents = new LinkedHashMap<>();
  private final Map<String, String> titles = new LinkedHashMap<>();
  private final List<FileShare> shares = new ArrayList<>();
  private final Set<String> deleted = new HashSet<>();
  private final List<Runnable> heldShares = new ArrayList<>();
  private boolean holdingShares;

  void reserve(String fileId, String filename, Instant now) {
    filenames.put(fileId, filename);
    reservedAt.put(fileId, now);
  }

  boolean isReserved(String fileId) {
    return filenames.containsKey(fileId);
  }

  /** Forgets an upload, as Slack discards one that is not completed. */
  void discard(String fileId) {
    filenames.remove(fileId);
    reservedAt.remove(fileId);
    contents.remove(fileId);
    titles.remove(fileId);
  }

  void store(String fileId, byte[] content) {
    contents.put(fileId, content.clone());
  }

  void complete(String fileId, String title) {
    titles.put(fileId, title);
  }

  boolean isCompleted(String fileId) {
    return titles.containsKey(fileId);
  }

  void delete(String fileId) {
    deleted.add(fileId);
  }

  boolean isDeleted(String fileId) {
    return deleted.contains(fileId);
  }

  String filename(String fileId) {
    return filenames.getOrDefault(fileId, "");
  }

  String title(String fileId) {
    return titles.getOrDefault(fileId, "");
  }

  Instant reservedAt(String fileId) {
    return reservedAt.get(fileId);
  }

  int size(String fileId) {
    return contents.getOrDefault(fileId, new byte[0]).length;
  }

  Optional<byte[]> content(String fileId) {
    return Optional.ofNullable(contents.get(fileId)).map(byte[]::clone);
  }

  /** The content of the last completed file with this title. */
  Optional<byte[]> titled(String title) {
    String found = null;
    for (Map.Entry<String, String> entry : titles.entrySet()) {
      if (entry.getValue().equals(title)) {
        found = entry.getKey();
      }
    }
    return found == null ? Optional.empty() : content(found);
  }

  Map<String, byte[]> all() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    contents.forEach((id, content) -> copy.put(id, content.clone()));
    return copy;
  }

  /** Shares now, or once released if shares are held (see FakeSlackWebApi#holdShares). */
  void shareWhenDue(Runnable share) {
    if (holdingShares) {
      heldShares.add(share);
    } else {
      share.run();
    }
  }

  void addShare(FileShare share) {
    shares.add(share);
  }

  List<FileShare> shares() {
    return List.copyOf(shares);
  }

  List<FileShare> sharesOf(String fileId) {
    return shares.stream().filter(share -> share.fileId().equals(fileId)).toList();
  }

  void holdShares() {
    holdingShares = true;
  }

  /** Stops holding shares; the held ones are made now, or dropped as Slack sometimes drops one. */
  void stopHoldingShares(boolean releaseHeld) {
    holdingShares = false;
    List<Runnable> held = List.copyOf(heldShares);
    heldShares.clear();
    if (releaseHeld) {
      held.forEach(Runnable::run);
    }
  }

  void clear() {
    filenames.clear();
    reservedAt.clear();
    contents.clear();
    titles.clear();
    shares.clear();
    deleted.clear();
    heldShares.clear();
    holdingShares = false;
  }
}
