package io.github.eventsgateway.poller;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PollerApplication {

	public static void main(String[] args) {
		SpringApplication.run(PollerApplication.class, args);
	}

}
