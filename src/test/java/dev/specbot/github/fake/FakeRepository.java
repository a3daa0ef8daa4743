package dev.specbot.github.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One repository's state in the fake; guarded by the fake's lock. */
final class FakeRepository {
  final String fullName;
  boolean issuesEnabled = true;
  boolean pushAccess = true;

  /** Label names by their lower case: GitHub's label names ignore case. */
  final Map<String, String> labels = new LinkedHashMap<>();

  /** Logins that may be assigned, lower case. */
  final Set<String> assignable = new TreeSet<>();

  /** Issues and pull requests, by number from 1. */
  final List<Item> items = new ArrayList<>();

  FakeRepository(String fullName) {
    this.fullName = fullName;
  }

  /** An issue or a pull request (they share numbers, and the issues listing shows both). */
  static final class Item {
    final int number;
    final boolean pullRequest;
    final String author;
    final Instant createdAt;
    String title;
    String body;
    List<String> labels = List.of();
    List<String> assignees = List.of();
    String state = "open";
    Instant updatedAt;
    boolean deleted;
    final List<Note> comments = new ArrayList<>();

    Item(int number, boolean pullRequest, String author, String title, String body, Instant at) {
      this.number = number;
      this.pullRequest = pullRequest;
      this.author = author;
      this.title = title;
      this.body = body;
      this.createdAt = at;
      this.updatedAt = at;
    }

    FakeIssue snapshot() {
      return new FakeIssue(
          number, title, body, labels, assignees, state, author, createdAt, updatedAt);
    }
  }

  /** A comment. */
  static final class Note {
    final long id;
    final String body;
    final String author;
    final Instant createdAt;

    Note(long id, String body, String author, Instant createdAt) {
      this.id = id;
      this.body = body;
      this.author = author;
      this.createdAt = createdAt;
    }

    FakeComment snapshot() {
      return new FakeComment(id, body, author, createdAt);
    }
  }

  Item add(boolean pullRequest, String author, String title, String body, Instant at) {
    Item item = new Item(items.size() + 1, pullRequest, author, title, body, at);
    items.add(item);
    return item;
  }

  Optional<Item> item(int number) {
    return number >= 1 && number <= items.size()
        ? Optional.of(items.get(number - 1))
        : Optional.empty();
  }

  /** The label as the repository spells it, created (as GitHub does) when it has none such. */
  String label(String name) {
    return labels.computeIfAbsent(name.toLowerCase(Locale.ROOT), lower -> name);
  }
}
