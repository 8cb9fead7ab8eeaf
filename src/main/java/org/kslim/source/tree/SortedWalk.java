package org.kslim.source.tree;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kslim.BadInputException;
import org.kslim.source.EntryGuard;
import org.kslim.source.EntryType;

/**
 * Walks a tree handing each file to a visitor as soon as it is read, in the order of the entry
 * paths sorted as strings, so a reader starts on the first module while the rest of the tree is
 * still being listed. Each folder is listed once and each name's status read once, links not
 * followed. A folder or status that cannot be read fails the walk as bad input naming the package;
 * what the visitor throws passes through as it is.
 *
 * <p>Why the order is exact: within a folder, the entry {@code d} sorts at its own name, but
 * everything under it ({@code d/…}) sorts as the block {@code d/}, after siblings such as
 * {@code d-x} or {@code d.x}; no sibling name holds a {@code /}, so no sibling falls inside that
 * block. Each folder's names and blocks are sorted together and taken in turn.
 *
 * <pre>{@code
 * new SortedWalk("/lib/modules/6.1.0-56-amd64", layout, guard, new OwnerNames()).walk(file -> System.out.println(file.entry().path()));
 * }</pre>
 */
final class SortedWalk {
  /** Receives each file of the walk. */
  interface Visitor {
    void visit(TreeFile file) throws IOException;
  }

  /** A name of a folder, or the block of everything under a folder, ordered by its key. */
  private record Step(String key, Path file, TreeFile entry) {}

  private final String source;
  private final TreeLayout layout;
  private final EntryGuard guard;
  private final OwnerNames owners;

  /** @param source the package, named in errors */
  SortedWalk(String source, TreeLayout layout, EntryGuard guard, OwnerNames owners) {
    this.source = source;
    this.layout = layout;
    this.guard = guard;
    this.owners = owners;
  }

  /** Visits the layout's root (unless it is the package root) and everything under it. */
  void walk(Visitor visitor) throws IOException {
    String rootEntry = layout.rootEntry();
    if (rootEntry != null) {
      visitor.visit(read(rootEntry, layout.root()));
    }
    walkUnder(layout.root(), layout.prefix(), visitor);
  }

  private void walkUnder(Path folder, String prefix, Visitor visitor) throws IOException {
    List<Step> steps = list(folder, prefix);
    steps.sort(Comparator.comparing(Step::key));
    for (Step step : steps) {
      if (step.entry() != null) {
        visitor.visit(step.entry());
      } else {
        walkUnder(step.file(), prefix + step.key(), visitor);
      }
    }
  }

  private List<Step> list(Path folder, String prefix) {
    List<Step> steps = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        TreeFile file = read(prefix + name, child);
        steps.add(new Step(name, child, file));
        if (file.entry().type() == EntryType.DIRECTORY) {
          steps.add(new Step(name + "/", child, null));
        }
      }
    } catch (DirectoryIteratorException e) {
      throw unreadable(e.getCause());
    } catch (IOException e) {
      throw unreadable(e);
    }
    return steps;
  }

  private TreeFile read(String name, Path file) {
    TreeFile treeFile;
    try {
      treeFile = TreeFile.read(guard.admit(name), file, owners);
    } catch (IOException e) {
      throw unreadable(e);
    }
    guard.checkType(treeFile.entry().path(), treeFile.entry().type());
    guard.checkSize(treeFile.entry().path(), treeFile.entry().size());
    return treeFile;
  }

  private BadInputException unreadable(IOException e) {
    return new BadInputException(source + ": cannot read folder: " + e.getMessage(), e);
  }
}
