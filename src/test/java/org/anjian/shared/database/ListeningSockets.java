package org.anjian.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The local addresses of the TCP sockets listening on a port, as the Linux kernel lists them in /proc/net. */
final class ListeningSockets {

	private ListeningSockets() {
	}

	static List<String> on(int port) throws IOException {
		List<String> addresses = new ArrayList<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path file = Path.of(table);
			if (!Files.exists(file)) {
				continue;
			}
			List<String> lines = Files.readAllLines(file);
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.trim().split("\\s+");
				String[] local = fields[1].split(":");
				if (Integer.parseInt(local[1], 16) == port && fields[3].equals("0A")) {
					addresses.add(address(local[0]));
				}
			}
		}
		return addresses;
	}

	/** /proc/net prints an IPv4 address as one little-endian hex word, an IPv6 one as four. */
	private static String address(String hex) {
		if (hex.length() == 8) {
			long word = Long.parseLong(hex, 16);
			return (word & 0xff) + "." + (word >> 8 & 0xff) + "." + (word >> 16 & 0xff) + "." + (word >> 24 & 0xff);
		}
		return "IPv6 " + hex;
	}
}
