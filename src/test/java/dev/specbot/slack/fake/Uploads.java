package dev.specbot.slack.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The files of the three-step upload: reserved, then uploaded, then completed with a title. */
final class Uploads {
  private final Map<String, String> filenames = new LinkedHashMap<>();
  private final Map<String, byte[]> contents = new LinkedHashMap<>();
  private final Map<String, String> titles = new LinkedHashMap<>();

  void reserve(String fileId, String filename) {
    filenames.put(fileId, filename);
  }

  boolean isReserved(String fileId) {
    return filenames.containsKey(fileId);
  }

  void store(String fileId, byte[] content) {
    contents.put(fileId, content.clone());
  }

  void complete(String fileId, String title) {
    titles.put(fileId, title);
  }

  String filename(String fileId) {
    return filenames.getOrDefault(fileId, "");
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

  void clear() {
    filenames.clear();
    contents.clear();
    titles.clear();
  }
}
