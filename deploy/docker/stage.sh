#!/usr/bin/env bash
# Stages each image's jars under deploy/docker/build/<module>/lib from the module's runtime
# classpath (target/runtime-classpath.txt, written by the build), so an image needs no Maven and
# no access to ~/.m2. Run from the repository root after
#   ./mvnw -B package -DskipTests -pl simulators,distribution,portal-ui -am
# then build the images (README in docs/operations.md, "Images"):
#   docker build -f deploy/docker/Dockerfile.gateway -t carelens/gateway:0.1.0 .
set -euo pipefail
JAR=${JAVA_HOME:+$JAVA_HOME/bin/}jar
for module in distribution portal-ui simulators; do
  lib=deploy/docker/build/$module/lib
  rm -rf "$lib" && mkdir -p "$lib"
  tr ':' '\n' <"$module/target/runtime-classpath.txt" | while read -r entry; do
    [[ -n $entry ]] || continue
    if [[ -d $entry ]]; then
      "$JAR" cf "$lib/$(basename "$(dirname "$entry")")-classes.jar" -C "$entry" .
    else
      cp "$entry" "$lib/"
    fi
  done
  if [[ -d $module/target/classes ]]; then
    "$JAR" cf "$lib/$module-classes.jar" -C "$module/target/classes" .
  fi
done
echo "Staged deploy/docker/build/{distribution,portal-ui,simulators}/lib"
