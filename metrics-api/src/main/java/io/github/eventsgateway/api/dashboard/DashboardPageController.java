package io.github.eventsgateway.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the dashboard page; its script, style sheet and Chart.js (from the webjar) are
 * static resources, so the page needs no internet access.
 */
@Controller
@Hidden
class DashboardPageController {

	private static final Resource PAGE = new ClassPathResource("static/dashboard/index.html");

	@GetMapping(path = { "/dashboard", "/dashboard/" }, produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<Resource> page() {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(PAGE);
	}

}
