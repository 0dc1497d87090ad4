package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoProblemsTests {
  @TempDir Path dir;

  @Test
  void eachKindOfFileProblemIsSaidInWordsWithoutTheClassOrThePath() {
    assertThat(IoProblems.describe(new NoSuchFileException("/x/y"))).isEqualTo("no such file or directory");
    assertThat(IoProblems.describe(new AccessDeniedException("/x/y"))).isEqualTo("permission denied");
    assertThat(IoProblems.describe(new FileAlreadyExistsException("/x/y"))).isEqualTo("it already exists");
    assertThat(IoProblems.describe(new NotDirectoryException("/x/y"))).isEqualTo("a part of the path is not a directory");
    assertThat(IoProblems.describe(new DirectoryNotEmptyException("/x/y"))).isEqualTo("the directory is not empty");
    assertThat(IoProblems.describe(new FileSystemLoopException("/x/y"))).isEqualTo("the path loops through symbolic links");
    assertThat(IoProblems.describe(new MalformedInputException(1))).isEqualTo("it is not UTF-8 text");
    assertThat(IoProblems.describe(new EOFException())).isEqualTo("it ended too early");
    assertThat(IoProblems.describe(new FileSystemException("/x/y", null, "Read-only file system")))
        .isEqualTo("read-only file system");
    assertThat(IoProblems.describe(new FileSystemException("/x/y"))).isEqualTo("the file system refused it");
    assertThat(IoProblems.describe(new IOException("Input/output error"))).isEqualTo("input/output error");
    assertThat(IoProblems.describe(new IOException())).isEqualTo("an input or output error");
  }

  @Test
  void aFileToReadIsCheckedWithoutReadingIt() throws IOException {
    Path file = java.nio.file.Files.writeString(dir.resolve("a.profile"), "x");

    assertThat(IoProblems.whyUnreadable(file)).isEmpty();
    assertThat(IoProblems.whyUnreadable(dir.resolve("absent"))).contains("no such file");
    assertThat(IoProblems.whyUnreadable(dir)).contains("it is a directory, not a file");
  }
}
