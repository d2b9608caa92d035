package io.github.eventsgateway.poller;

import java.nio.file.Path;

import io.github.eventsgateway.poller.config.PollerProperties;
import io.github.eventsgateway.poller.fileimport.FileImporter;
import io.github.eventsgateway.poller.leadership.LeaseKeeper;
import io.github.eventsgateway.poller.polling.PollingLoop;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the configured event source once the application is up: GitHub polling (the
 * lease keeper and the polling loop), or a file import. On shutdown it stops polling and
 * gives the lease up, so a standby takes over at once.
 */
class PollerRunner implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PollerRunner.class);

	private final PollerProperties properties;

	private final LeaseKeeper leaseKeeper;

	private final PollingLoop pollingLoop;

	private final FileImporter fileImporter;

	private final ApplicationContext context;

	private volatile Disposable.Composite running;

	PollerRunner(PollerProperties properties, LeaseKeeper leaseKeeper, PollingLoop pollingLoop,
			FileImporter fileImporter, ApplicationContext context) {
		this.properties = properties;
		this.leaseKeeper = leaseKeeper;
		this.pollingLoop = pollingLoop;
		this.fileImporter = fileImporter;
		this.context = context;
	}

	@Override
	public void start() {
		Disposable.Composite tasks = Disposables.composite();
		if (this.properties.readsFile()) {
			tasks.add(startImport());
		}
		else {
			logger.info("Instance " + this.properties.instanceId() + " polls " + this.properties.githubApiUrl()
					+ " with " + describeTokens() + ", up to " + this.properties.pages() + " pages a poll");
			tasks.add(this.leaseKeeper.run().subscribe());
			tasks.add(this.pollingLoop.run().subscribe());
		}
		this.running = tasks;
	}

	private Disposable startImport() {
		Path path = Path.of(this.properties.filePath());
		logger.info("Importing " + path + " (" + this.properties.fileMode() + " mode)");
		return this.fileImporter.importFile(path, this.properties.replaysFile()).subscribe((summary) -> {
			logger.info(summary.describe());
			exitIfAsked(0);
		}, (ex) -> {
			logger.error("Import of " + path + " failed: " + ex);
			exitIfAsked(1);
		});
	}

	private void exitIfAsked(int code) {
		if (this.properties.exitAfterImport()) {
			// Not on a Reactor thread: closing the context disposes the schedulers.
			Thread exit = new Thread(() -> System.exit(SpringApplication.exit(this.context, () -> code)),
					"exit-after-import");
			exit.start();
		}
	}

	private String describeTokens() {
		int count = this.properties.tokenList().size();
		return (count == 0) ? "no token (anonymous, 60 requests an hour)" : count + " token(s)";
	}

	@Override
	public void stop(Runnable callback) {
		Disposable tasks = this.running;
		this.running = null;
		if (tasks != null) {
			tasks.dispose();
		}
		this.leaseKeeper.release().doFinally((signal) -> callback.run()).subscribe();
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

}
