package org.carelens.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LaunchPageTest {

  @Test
  void the_gateways_detail_is_escaped_so_it_cannot_inject_markup() {
    String escaped = LaunchPage.escape("<script>alert('x')</script> & \"more\"");

    assertThat(escaped)
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
  }
}
