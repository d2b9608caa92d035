package io.github.eventsgateway.store;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DigestUtils;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;

class LuaScriptsTests {

	@Test
	void loadsTheScriptTextOnceWithItsDigest() throws Exception {
		String text = new ClassPathResource("counts.lua", LuaScripts.class).getContentAsString(StandardCharsets.UTF_8);
		@SuppressWarnings("rawtypes")
		RedisScript<List> script = LuaScripts.load("counts.lua");
		assertThat(script.getScriptAsString()).isEqualTo(text);
		assertThat(script.getSha1()).isEqualTo(DigestUtils.sha1DigestAsHex(text)).isEqualTo(script.getSha1());
		assertThat(script.getResultType()).isEqualTo(List.class);
	}

}
