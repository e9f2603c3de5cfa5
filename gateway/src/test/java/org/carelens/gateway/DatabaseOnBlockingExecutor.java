package org.carelens.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The architecture rule "no JDBC on the event loop" (issue 10): every endpoint of a controller that
 * reaches the database, directly or through the services it uses, must run on the blocking executor
 * ({@code @ExecuteOn(TaskExecutors.BLOCKING)} on the method or its class). A controller reaches the
 * database when following its dependencies through Carelens classes (and from an interface to its
 * implementations) arrives at a class that uses {@code java.sql} or {@code javax.sql}. A new
 * controller that forgets the annotation fails the build, and the failure names the path to the
 * database.
 */
public final class DatabaseOnBlockingExecutor {

  private DatabaseOnBlockingExecutor() {}

  public static final ArchRule RULE =
      methods()
          .that()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(Controller.class)
          .and()
          .areMetaAnnotatedWith(HttpMethodMapping.class)
          .should(runOnTheBlockingExecutorIfTheirControllerReachesTheDatabase())
          .allowEmptyShould(true);

  private static ArchCondition<JavaMethod>
      runOnTheBlockingExecutorIfTheirControllerReachesTheDatabase() {
    return new ArchCondition<>(
        "run on the blocking executor when their controller reaches the database") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Optional<List<String>> path = pathToDatabase(method.getOwner());
        if (path.isPresent() && !blocking(method) && !blocking(method.getOwner())) {
          events.add(
              SimpleConditionEvent.violated(
                  method,
                  method.getFullName()
                      + " reaches the database ("
                      + String.join(" -> ", path.get())
                      + ") but does not run on @ExecuteOn(TaskExecutors.BLOCKING)"));
        }
      }
    };
  }

  private static boolean blocking(HasAnnotations<?> element) {
    return element
        .tryGetAnnotationOfType(ExecuteOn.class.getName())
        .flatMap(a -> a.get("value"))
        .map(TaskExecutors.BLOCKING::equals)
        .orElse(false);
  }

  /** The chain of classes from {@code start} to one that uses JDBC, if there is one. */
  static Optional<List<String>> pathToDatabase(JavaClass start) {
    Map<JavaClass, JavaClass> reachedFrom = new HashMap<>();
    Deque<JavaClass> queue = new ArrayDeque<>(List.of(start));
    Set<JavaClass> seen = new java.util.HashSet<>(List.of(start));
    while (!queue.isEmpty()) {
      JavaClass current = queue.poll();
      List<JavaClass> next = new ArrayList<>();
      for (Dependency d : current.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass();
        String name = target.getPackageName();
        if (name.startsWith("java.sql") || name.startsWith("javax.sql")) {
          List<String> path = new ArrayList<>(List.of(target.getSimpleName()));
          for (JavaClass c = current; c != null; c = reachedFrom.get(c)) {
            path.add(c.getSimpleName());
          }
          Collections.reverse(path);
          return Optional.of(path);
        }
        if (name.startsWith("org.carelens.")) {
          next.add(target);
        }
      }
      if (current.isInterface()
          || current
              .getModifiers()
              .contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) {
        next.addAll(current.getAllSubclasses());
      }
      for (JavaClass c : next) {
        if (seen.add(c)) {
          reachedFrom.put(c, current);
          queue.add(c);
        }
      }
    }
    return Optional.empty();
  }
}
