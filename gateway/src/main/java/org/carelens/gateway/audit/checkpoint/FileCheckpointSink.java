package org.carelens.gateway.audit.checkpoint;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed checkpoints as JSON lines in a file: {@code {"sequence":…,"hash":…,"signedAt":…,"jws":…}}.
 * The readable fields are for people; only the signed {@code jws} is verified. Each append is
 * forced to the device before it returns. A line left incomplete by a crash is ended before the
 * next append and read back as unreadable, never as a checkpoint.
 */
public final class FileCheckpointSink implements CheckpointSink {

  private final Path file;

  public FileCheckpointSink(Path file) {
    this.file = file.toAbsolutePath();
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void append(Checkpoint checkpoint, String jws) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("sequence", checkpoint.sequence());
    line.put("hash", checkpoint.hash());
    line.put("signedAt", checkpoint.signedAt().toString());
    line.put("jws", jws);
    Path parent = file.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String text = (endsMidLine() ? "\n" : "") + JSONObjectUtils.toJSONString(line) + "\n";
    try (FileChannel out =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(true);
    }
  }

  @Override
  public Records readAll() throws IOException {
    if (!Files.exists(file)) {
      return new Records(List.of(), 0);
    }
    List<String> jws = new ArrayList<>();
    int unreadable = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        String value = JSONObjectUtils.getString(JSONObjectUtils.parse(line), "jws");
        if (value == null) {
          unreadable++;
        } else {
          jws.add(value);
        }
      } catch (ParseException e) {
        unreadable++;
      }
    }
    return new Records(jws, unreadable);
  }

  private boolean endsMidLine() throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      in.read(last, size - 1);
      return last.get(0) != '\n';
    }
  }

  @Override
  public String toString() {
    return "checkpoint file " + file;
  }
}
