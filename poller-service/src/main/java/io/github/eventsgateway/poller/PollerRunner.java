package io.github.eventsgateway.poller;

import java.nio.file.Path;

import io.github.eventsgateway.poller.capture.CaptureLoop;
import io.github.eventsgateway.poller.config.PollerProperties;
import io.github.eventsgateway.poller.fileimport.FileImporter;
import io.github.eventsgateway.poller.fileimport.ReplayLoop;
import io.github.eventsgateway.poller.leadership.LeaseKeeper;
import io.github.eventsgateway.poller.pacing.RequestBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the configured event source once the application is up: GitHub polling (the
 * lease keeper and the capture loop), a file played as a live feed (the lease keeper and
 * the replay loop), or a file import. On shutdown it stops polling and gives the lease
 * up, so a standby takes over at once.
 */
class PollerRunner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PollerRunner.class);

	private final PollerProperties properties;

	private final RequestBudget budget;

	private final LeaseKeeper leaseKeeper;

	private final CaptureLoop captureLoop;

	private final FileImporter fileImporter;

	private final ReplayLoop replayLoop;

	private final ApplicationContext context;

	private volatile Disposable.Composite running;

	PollerRunner(PollerProperties properties, RequestBudget budget, LeaseKeeper leaseKeeper, CaptureLoop captureLoop,
			FileImporter fileImporter, ReplayLoop replayLoop, ApplicationContext context) {
		this.properties = properties;
		this.budget = budget;
		this.leaseKeeper = leaseKeeper;
		this.captureLoop = captureLoop;
		this.fileImporter = fileImporter;
		this.replayLoop = replayLoop;
		this.context = context;
	}

	@Override
	public void start() {
		Disposable.Composite tasks = Disposables.composite();
		if (this.properties.readsFile() && this.properties.loopsFile()) {
			tasks.add(this.leaseKeeper.run().subscribe());
			tasks.add(startLoop());
		}
		else if (this.properties.readsFile()) {
			tasks.add(startImport());
		}
		else {
			logger.info("Instance {} polls {} with {}, up to {} pages, pacing: {}", this.properties.instanceId(),
					this.properties.githubApiUrl(), describeCredentials(), this.properties.pages(),
					this.properties.pacingMode().displayName());
			tasks.add(this.leaseKeeper.run().subscribe());
			tasks.add(this.captureLoop.run().subscribe());
		}
		this.running = tasks;
	}

	private Disposable startImport() {
		Path path = Path.of(this.properties.filePath());
		logger.info("Importing {} ({} mode)", path, this.properties.fileMode());
		return this.fileImporter.importFile(path, this.properties.replaysFile()).subscribe((summary) -> {
			logger.info(summary.describe());
			exitIfAsked(0);
		}, (ex) -> {
			logger.error("Import of {} failed: {}", path, ex.toString());
			exitIfAsked(1);
		});
	}

	private Disposable startLoop() {
		Path path = Path.of(this.properties.filePath());
		logger.info("Instance {} plays {} as a live feed", this.properties.instanceId(), path);
		return this.replayLoop.run(path)
			.subscribe(null, (ex) -> logger.error("Replay of {} failed: {}", path, ex.toString()));
	}

	private void exitIfAsked(int code) {
		if (this.properties.exitAfterImport()) {
			// Not on a Reactor thread: closing the context disposes the schedulers.
			Thread exit = new Thread(() -> System.exit(SpringApplication.exit(this.context, () -> code)),
					"exit-after-import");
			exit.start();
		}
	}

	private String describeCredentials() {
		int count = this.budget.usableCredentials();
		return (count == 0) ? "no token (anonymous, 60 requests an hour)" : String.join(", ", this.budget.labels());
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
