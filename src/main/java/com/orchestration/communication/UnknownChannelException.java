package com.orchestration.communication;

import com.orchestration.platform.NotFoundException;
import java.util.List;

/** A channel that does not exist: 404, naming the channels that do. */
class UnknownChannelException extends NotFoundException {

  private final String message;

  UnknownChannelException(String channel, List<String> known) {
    super("channel", String.valueOf(channel));
    this.message = "No channel '" + channel + "'; channels: " + String.join(", ", known);
  }

  @Override
  public String getMessage() {
    return message;
  }
}
