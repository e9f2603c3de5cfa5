package org.carelens.adapters.socialcare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.carelens.adapters.http.ClientCredentialsTokens;
import org.carelens.adapters.http.Deadline;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.adapters.http.HttpReply;
import org.carelens.adapters.http.SourceHttpClient;
import org.carelens.adapters.http.StatusMapping;
import org.carelens.adapters.http.TraceHeaders;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.jspecify.annotations.Nullable;

/**
 * The council API's calls: the people search and the paged resources, each with the cached bearer
 * token, refreshed once if the API refuses it (RFC 6750 §3.1 {@code invalid_token}: the token may
 * have been revoked or expired early). Thread-safe.
 */
public final class SocialCareClient {

  /** The council API's error bodies carry an OAuth2-style {@code error} code. */
  private static final StatusMapping STATUS =
      StatusMapping.of("the council API", ClientCredentialsTokens::oauthError);

  private final SourceHttpClient http;
  private final ClientCredentialsTokens tokens;
  private final URI baseUrl;
  private final int pageSize;
  private final int maxPages;

  public SocialCareClient(
      SourceHttpClient http,
      ClientCredentialsTokens tokens,
      URI baseUrl,
      int pageSize,
      int maxPages) {
    this.http = http;
    this.tokens = tokens;
    this.baseUrl = baseUrl;
    this.pageSize = pageSize;
    this.maxPages = maxPages;
  }

  /** The council's person for this NHS number, if it knows one. */
  public Optional<JsonNode> findPerson(
      NhsNumber nhsNumber, RequestContext context, Deadline deadline)
      throws ExchangeFailedException, InterruptedException {
    JsonNode page =
        get(
            URI.create(baseUrl + "/api/v1/people?nhsNumber=" + nhsNumber.value()),
            context,
            deadline,
            "the people search");
    JsonNode content = content(page, "the people search");
    if (content.isEmpty()) {
      return Optional.empty();
    }
    for (JsonNode person : content) {
      if (nhsNumber.value().equals(person.path("nhsNumber").asText())) {
        if (!person.path("id").asText("").matches("[A-Za-z0-9-]{1,64}")) {
          throw new ExchangeFailedException(
              Kind.MALFORMED_PAYLOAD, "the people search answered a person without a usable id");
        }
        return Optional.of(person);
      }
    }
    // A search that answers with someone else must never be read as this patient's record.
    throw new ExchangeFailedException(
        Kind.MALFORMED_PAYLOAD,
        "the people search answered with %d people, none with the requested NHS number; discarded"
            .formatted(content.size()));
  }

  /**
   * Every item of one of the person's paged resources, following {@code _links.next} (or {@code
   * totalPages}) up to the page cap.
   *
   * <p>Never silently incomplete, and never losing what was read: when a page after the first
   * cannot be read (an error answer, a body that is not a page, a next link that may not be
   * followed, the deadline, or more pages than the cap), the items of the pages before it are
   * returned with a partial completeness. It counts the items left unread from the council's {@code
   * totalElements} when the pages carry it, else as "at least 1".
   *
   * @param resource e.g. {@code involvements}
   * @throws ExchangeFailedException when the first page cannot be read: the resource is unavailable
   */
  public Pages readAll(String personId, String resource, RequestContext context, Deadline deadline)
      throws ExchangeFailedException, InterruptedException {
    String base =
        baseUrl
            + "/api/v1/people/"
            + URLEncoder.encode(personId, StandardCharsets.UTF_8)
            + "/"
            + resource;
    List<JsonNode> items = new ArrayList<>();
    OptionalInt total = OptionalInt.empty();
    OptionalInt totalPages = OptionalInt.empty();
    @Nullable URI next = URI.create(base + "?page=0&size=" + pageSize);
    int pages = 0;
    while (next != null) {
      pages++;
      if (pages > maxPages) {
        // The cap keeps one fetch bounded; the pages beyond it are reported unread, not dropped.
        return unread(
            items,
            total,
            "the %s run to more than %d pages of %d; only the first %d were read (raise the page"
                    .formatted(resource, maxPages, pageSize, maxPages)
                + " cap if genuine)");
      }
      String what = "the %s (page %d)".formatted(resource, pages);
      JsonNode page;
      try {
        page = get(next, context, deadline, what);
        content(page, what).forEach(items::add);
      } catch (ExchangeFailedException e) {
        if (pages == 1) {
          throw e;
        }
        return unread(items, total, unreadPage(resource, pages, totalPages, e, what));
      }
      OptionalInt pageTotal = count(page, "totalElements");
      total = pageTotal.isPresent() ? pageTotal : total;
      OptionalInt pageCount = count(page, "totalPages");
      totalPages = pageCount.isPresent() ? pageCount : totalPages;
      try {
        next = nextPage(page, base, what);
      } catch (ExchangeFailedException e) {
        // This page named the next one wrongly: the next one is the page that cannot be read.
        return unread(items, total, unreadPage(resource, pages + 1, totalPages, e, what));
      }
    }
    return Pages.complete(items);
  }

  private static String unreadPage(
      String resource, int page, OptionalInt totalPages, ExchangeFailedException e, String what) {
    return "the %s: page %d%s could not be read (%s)"
        .formatted(
            resource,
            page,
            totalPages.isPresent() ? " of " + totalPages.getAsInt() : "",
            withoutPrefix(String.valueOf(e.getMessage()), what));
  }

  /**
   * The items read, partial: the unread count from the council's total when it is consistent with
   * what was read, else 1 and said to be a lower bound.
   */
  private static Pages unread(List<JsonNode> items, OptionalInt total, String why) {
    if (total.isPresent() && total.getAsInt() > items.size()) {
      int unread = total.getAsInt() - items.size();
      return new Pages(
          items,
          Completeness.partial(
              unread, "%s; %d of %d items unread".formatted(why, unread, total.getAsInt())));
    }
    return new Pages(
        items,
        Completeness.partial(
            1, why + "; at least 1 item unread (the council did not say how many)"));
  }

  private static OptionalInt count(JsonNode page, String field) {
    JsonNode value = page.path(field);
    return value.canConvertToInt() && value.isIntegralNumber() && value.asInt() >= 0
        ? OptionalInt.of(value.asInt())
        : OptionalInt.empty();
  }

  private static String withoutPrefix(String detail, String what) {
    return detail.startsWith(what + ": ") ? detail.substring(what.length() + 2) : detail;
  }

  private @Nullable URI nextPage(JsonNode page, String base, String what)
      throws ExchangeFailedException {
    JsonNode link = page.path("_links").path("next");
    if (link.isTextual() && !link.asText().isBlank()) {
      URI next;
      try {
        next = baseUrl.resolve(link.asText());
      } catch (IllegalArgumentException e) {
        throw new ExchangeFailedException(
            Kind.MALFORMED_PAYLOAD, what + ": the next link is not a URI");
      }
      // The bearer token goes with every request: never follow a link to another server.
      if (!Objects.equals(next.getScheme(), baseUrl.getScheme())
          || !Objects.equals(next.getHost(), baseUrl.getHost())
          || next.getPort() != baseUrl.getPort()) {
        throw new ExchangeFailedException(
            Kind.MALFORMED_PAYLOAD,
            what + ": the next link points to another server; not followed");
      }
      return next;
    }
    if (page.path("totalPages").canConvertToInt() && page.path("page").canConvertToInt()) {
      int current = page.path("page").asInt();
      if (current + 1 < page.path("totalPages").asInt()) {
        return URI.create(base + "?page=" + (current + 1) + "&size=" + pageSize);
      }
    }
    return null;
  }

  private static JsonNode content(JsonNode page, String what) throws ExchangeFailedException {
    JsonNode content = page.get("content");
    if (content == null || !content.isArray()) {
      throw new ExchangeFailedException(
          Kind.MALFORMED_PAYLOAD, what + ": the body is not a page (no 'content' array)");
    }
    return content;
  }

  private JsonNode get(URI uri, RequestContext context, Deadline deadline, String what)
      throws ExchangeFailedException, InterruptedException {
    String token = tokens.token(deadline);
    HttpReply response = http.send(request(uri, context, token), deadline, what);
    if (response.status() == 401) {
      tokens.invalidate(token);
      response = http.send(request(uri, context, tokens.token(deadline)), deadline, what);
      if (response.status() == 401) {
        throw new ExchangeFailedException(
            Kind.SOURCE_ERROR,
            what + ": HTTP 401 twice; the council refused a freshly issued bearer token");
      }
    }
    if (!response.ok()) {
      throw new ExchangeFailedException(
          Kind.SOURCE_ERROR, what + ": " + STATUS.failure(response).detail());
    }
    return Json.parse(response.body(), what);
  }

  private static HttpRequest.Builder request(URI uri, RequestContext context, String token) {
    return TraceHeaders.apply(HttpRequest.newBuilder(uri), context)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .GET();
  }
}
