package org.carelens.gateway.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointKeyTest {

  @TempDir Path directory;

  final Checkpoint checkpoint =
      new Checkpoint(3, "d".repeat(64), Instant.parse("2026-11-20T09:00:00Z"));

  @Test
  void a_key_created_once_is_the_key_read_on_every_later_start() throws Exception {
    Path file = directory.resolve("key.json");
    CheckpointKey first = CheckpointKey.loadOrCreate(file);

    CheckpointKey second = CheckpointKey.loadOrCreate(file);

    assertThat(second.keyId()).isEqualTo(first.keyId());
    assertThat(CheckpointSignatures.check(CheckpointSignatures.sign(checkpoint, first), second))
        .isEqualTo(new CheckpointSignatures.Checked.Valid(checkpoint));
  }

  @Test
  void a_missing_key_file_is_an_error_naming_it_when_keys_are_not_generated() {
    Path file = directory.resolve("absent.json");

    assertThatThrownBy(() -> CheckpointKey.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void a_public_only_key_verifies_but_cannot_sign() throws Exception {
    CheckpointKey key = CheckpointKey.generate();
    Path file = directory.resolve("public.json");
    Files.writeString(file, key.publicJwk());
    CheckpointKey auditor = CheckpointKey.load(file);

    CheckpointSignatures.Checked checked =
        CheckpointSignatures.check(CheckpointSignatures.sign(checkpoint, key), auditor);

    assertThat(checked).isEqualTo(new CheckpointSignatures.Checked.Valid(checkpoint));
    assertThat(auditor.canSign()).isFalse();
    assertThatThrownBy(() -> CheckpointSignatures.sign(checkpoint, auditor))
        .hasRootCauseMessage(
            "The audit checkpoint key "
                + key.keyId()
                + " is public only and cannot sign checkpoints");
  }

  @Test
  void a_token_of_another_type_signed_with_the_key_is_not_a_checkpoint() throws Exception {
    CheckpointKey key = CheckpointKey.generate();
    com.nimbusds.jwt.SignedJWT other =
        new com.nimbusds.jwt.SignedJWT(
            new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
                .keyID(key.keyId())
                .build(),
            new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issueTime(java.util.Date.from(checkpoint.signedAt()))
                .claim("sequence", 3L)
                .claim("hash", checkpoint.hash())
                .build());
    other.sign(key.signer());

    CheckpointSignatures.Checked checked = CheckpointSignatures.check(other.serialize(), key);

    assertThat(checked).isInstanceOf(CheckpointSignatures.Checked.Refused.class);
  }
}
