package org.mpm.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hadolint's rules that apply to a Dockerfile like this project's, checked without hadolint (it is not packaged
 * for Debian): each finding names the rule as hadolint does.
 */
final class DockerfileRules {

  /** One instruction, its continuation lines joined, with the line it starts on. */
  record Instruction(int line, String keyword, String arguments) {}

  private DockerfileRules() {}

  static List<Instruction> parse(String dockerfile) {
    List<Instruction> instructions = new ArrayList<>();
    String[] lines = dockerfile.split("\n", -1);
    StringBuilder current = null;
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (current == null && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (current == null) {
        current = new StringBuilder();
        start = i + 1;
      } else if (line.startsWith("#")) {
        continue;
      }
      boolean continued = line.endsWith("\\");
      current.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continued) {
        String text = current.toString().strip();
        int space = text.indexOf(' ');
        instructions.add(new Instruction(start, (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT),
            space < 0 ? "" : text.substring(space + 1).strip()));
        current = null;
      }
    }
    return instructions;
  }

  private static final Pattern IMAGE = Pattern.compile("^(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?$",
      Pattern.CASE_INSENSITIVE);

  static List<String> check(String dockerfile) {
    List<Instruction> instructions = parse(dockerfile);
    List<String> findings = new ArrayList<>();
    List<String> stages = new ArrayList<>();
    String lastUser = null;
    for (Instruction in : instructions) {
      String args = in.arguments();
      switch (in.keyword()) {
        case "FROM" -> {
          Matcher m = IMAGE.matcher(args);
          String image = m.matches() ? m.group(1) : args;
          if (!stages.contains(image) && !image.equals("scratch")) {
            String name = image.contains("@") ? image : image.substring(image.lastIndexOf('/') + 1);
            if (!name.contains(":") && !name.contains("@")) {
              findings.add(in.line() + " DL3006 Always tag the version of an image explicitly: " + image);
            } else if (name.endsWith(":latest")) {
              findings.add(in.line() + " DL3007 Using latest is prone to errors: " + image);
            }
          }
          if (m.matches() && m.group(2) != null) {
            stages.add(m.group(2));
          }
        }
        case "CMD", "ENTRYPOINT" -> {
          if (!args.startsWith("[")) {
            findings.add(in.line() + " DL3025 Use arguments JSON notation for " + in.keyword());
          }
        }
        case "ADD" -> {
          if (!args.matches(".*(https?://|\\.tar|\\.tgz|\\.gz|\\.xz|\\.bz2).*")) {
            findings.add(in.line() + " DL3020 Use COPY instead of ADD for files and folders");
          }
        }
        case "WORKDIR" -> {
          if (!args.startsWith("/") && !args.startsWith("$")) {
            findings.add(in.line() + " DL3000 Use absolute WORKDIR");
          }
        }
        case "MAINTAINER" -> findings.add(in.line() + " DL4000 MAINTAINER is deprecated");
        case "USER" -> lastUser = args;
        case "RUN" -> run(in, findings);
        default -> { }
      }
    }
    if (lastUser != null && (lastUser.equals("root") || lastUser.equals("0") || lastUser.startsWith("root:"))) {
      findings.add("DL3002 Last USER should not be root");
    }
    return findings;
  }

  private static void run(Instruction in, List<String> findings) {
    String args = in.arguments();
    if (args.matches("(^|.*[;&|]\\s*)sudo\\s.*")) {
      findings.add(in.line() + " DL3004 Do not use sudo");
    }
    if (args.matches(".*\\bcd\\s+\\S+\\s*&&.*") && !args.contains("WORKDIR")) {
      findings.add(in.line() + " DL3003 Use WORKDIR to switch to a directory");
    }
    if (args.contains("apt-get install")) {
      if (!args.contains("--no-install-recommends")) {
        findings.add(in.line() + " DL3015 Avoid additional packages by specifying --no-install-recommends");
      }
      if (!args.contains("rm -rf /var/lib/apt/lists")) {
        findings.add(in.line() + " DL3009 Delete the apt-get lists after installing something");
      }
      if (!args.matches(".*\\s-(y|-yes|qq?y)\\b.*")) {
        findings.add(in.line() + " DL3014 Use the -y switch to avoid manual input");
      }
    }
    if (args.contains("|") && !args.contains("||") && !args.contains("pipefail")) {
      findings.add(in.line() + " DL4006 Set the SHELL option -o pipefail before RUN with a pipe in it");
    }
  }
}
