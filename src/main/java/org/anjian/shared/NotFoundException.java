package org.anjian.shared;

/**
 * Nothing with that identity exists within the caller's jurisdiction. Deliberately the same answer (404)
 * whether the thing does not exist at all or lies in another jurisdiction, so that no one learns of what
 * they may not see.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}
