package org.carelens.gateway.audit.checkpoint;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The demo's checkpoint key (from {@code key-file}) and sink (the JSON-lines {@code file}). A
 * deployment that keeps checkpoints elsewhere replaces the sink bean with its own {@link
 * CheckpointSink}.
 */
@Factory
class CheckpointFactory {

  @Singleton
  CheckpointKey checkpointKey(CheckpointProperties properties) {
    Path file = Path.of(properties.getKeyFile());
    try {
      return properties.isGenerateKey()
          ? CheckpointKey.loadOrCreate(file)
          : CheckpointKey.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  @Singleton
  CheckpointSink checkpointSink(CheckpointProperties properties) {
    return new FileCheckpointSink(Path.of(properties.getFile()));
  }
}
