package dev.credwatch.agent.log;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;

/**
 * Why the log file cannot be used, in words an operator acts on. The exceptions' own texts say too little
 * ({@code FileAlreadyExistsException: /etc/hostname} is what a path under a regular file gives) or name the
 * file twice.
 */
final class FileFailure {
    private FileFailure() {
    }

    static String describe(Exception failure) {
        if (failure instanceof FileAlreadyExistsException) {
            // Thrown by createDirectories when a directory of the path exists as a file.
            return ((FileAlreadyExistsException) failure).getFile() + " is not a directory";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied on " + ((AccessDeniedException) failure).getFile();
        }
        if (failure instanceof NoSuchFileException) {
            return ((NoSuchFileException) failure).getFile() + " does not exist";
        }
        if (failure instanceof FileSystemException) {
            // The operating system's own words (strerror), e.g. "Is a directory", "Read-only file system".
            FileSystemException fileSystem = (FileSystemException) failure;
            String reason = fileSystem.getReason();
            if ("Is a directory".equals(reason)) {
                return fileSystem.getFile() + " is a directory";
            }
            return fileSystem.getFile() + ": " + (reason == null ? "cannot be opened" : reason);
        }
        if (failure instanceof InvalidPathException) {
            return "it is not a valid path (" + ((InvalidPathException) failure).getReason() + ")";
        }
        return failure.toString();
    }
}
