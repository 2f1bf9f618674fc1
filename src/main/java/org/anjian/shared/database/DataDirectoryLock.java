package org.anjian.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof that no other running application uses a data directory: an operating-system lock on
 * {@code <directory>.lock} beside it, which the kernel releases when the holder dies, even by {@code kill -9}. A
 * server still running on a directory whose lock could be taken was therefore left by a dead application. The
 * lock file {@code epg-lock} inside a directory made by older versions is taken too, so an older application
 * still running on it is not mistaken for a dead one.
 */
final class DataDirectoryLock implements AutoCloseable {

	private final List<FileChannel> channels;

	private DataDirectoryLock(List<FileChannel> channels) {
		this.channels = channels;
	}

	static DataDirectoryLock take(Path directory) {
		List<FileChannel> taken = new ArrayList<>();
		try {
			Files.createDirectories(directory.getParent());
			lock(directory.resolveSibling(directory.getFileName() + ".lock"), directory, taken);
			Path older = directory.resolve("epg-lock");
			if (Files.exists(older)) {
				lock(older, directory, taken);
			}
			return new DataDirectoryLock(taken);
		}
		catch (IOException e) {
			new DataDirectoryLock(taken).close();
			throw new UncheckedIOException("无法锁定数据目录 " + directory, e);
		}
		catch (RuntimeException e) {
			new DataDirectoryLock(taken).close();
			throw e;
		}
	}

	private static void lock(Path file, Path directory, List<FileChannel> taken) throws IOException {
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		taken.add(channel);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException e) {
			lock = null;
		}
		if (lock == null) {
			String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
			throw new IllegalStateException("数据目录 " + directory + " 正由另一个运行中的 Anjian 使用（"
					+ (holder.isEmpty() ? "" : "进程 " + holder + "，") + "锁文件 " + file
					+ "）。请先停止它，或用 anjian.db.embedded.data-directory 为本实例另设数据目录。");
		}
		// who holds it, for the message another start shows
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
	}

	@Override
	public void close() {
		for (FileChannel channel : channels) {
			try {
				channel.close();
			}
			catch (IOException e) {
				// closing releases the lock; nothing else to do
			}
		}
	}
}
