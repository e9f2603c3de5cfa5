package org.carelens.gateway.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Test classes of every module in the repository, found by fully qualified name: under each
 * module's {@code src/test/java}, and under {@code adapters/adapter-tck/src/main/java}, where the
 * conformance kit's tests live so that adapters outside this repository can run them.
 */
final class RepositoryTestSources implements Function<String, Optional<String>> {

  private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", ".carelens");

  private final List<Path> roots;

  RepositoryTestSources(Path repository) {
    this.roots = testRoots(repository);
  }

  List<Path> roots() {
    return roots;
  }

  @Override
  public Optional<String> apply(String className) {
    String file = className.replace('.', '/') + ".java";
    for (Path root : roots) {
      Path candidate = root.resolve(file);
      if (Files.isRegularFile(candidate)) {
        try {
          return Optional.of(Files.readString(candidate));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return Optional.empty();
  }

  private static List<Path> testRoots(Path repository) {
    List<Path> roots = new ArrayList<>();
    Path tck = repository.resolve("adapters/adapter-tck/src/main/java");
    if (Files.isDirectory(tck)) {
      roots.add(tck);
    }
    try {
      Files.walkFileTree(
          repository,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              Path name = dir.getFileName();
              if (name != null && SKIPPED.contains(name.toString())) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (dir.endsWith(Path.of("src", "test", "java"))) {
                roots.add(dir);
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(roots);
  }
}
