package io.github.eventsgateway.store;

import java.time.Duration;

/**
 * An answer read from the store together with the store's version at that moment, read in
 * the same script, so that the answer is exactly the store's state at that version. A
 * reader may keep the answer, and give it again, for as long as the store stays at that
 * version ({@link StoreVersion}) and, when {@code validFor} is set, no longer than that.
 *
 * @param <T> the answer's type
 * @param version the store's version, such as {@code 1043-1764583200123456}
 * @param value the answer
 * @param validFor how long the answer may be kept at most even while the version stands
 * still (such as a lease that may lapse without any write), or {@code null} for as long
 * as the version stands still
 */
public record Versioned<T>(String version, T value, Duration validFor) {

	public Versioned(String version, T value) {
		this(version, value, null);
	}

	/**
	 * The same version and limit with another value, such as an answer derived from this
	 * one.
	 * @param <R> the new value's type
	 * @param derived the new value
	 * @return the derived answer
	 */
	public <R> Versioned<R> with(R derived) {
		return new Versioned<>(this.version, derived, this.validFor);
	}

	/**
	 * One answer made of two read apart, kept no longer than either: it takes the older
	 * of their versions (so that a reader that knows the newer one reads again) and the
	 * shorter of their limits.
	 * @param <R> the answer's type
	 * @param first one part
	 * @param second the other part
	 * @param combined the answer made of both
	 * @return the combined answer
	 */
	public static <R> Versioned<R> combine(Versioned<?> first, Versioned<?> second, R combined) {
		String version = (StoreVersion.counter(first.version()) <= StoreVersion.counter(second.version()))
				? first.version() : second.version();
		Duration validFor = first.validFor();
		if (validFor == null || (second.validFor() != null && second.validFor().compareTo(validFor) < 0)) {
			validFor = second.validFor();
		}
		return new Versioned<>(version, combined, validFor);
	}

}
