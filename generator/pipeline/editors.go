package pipeline

// What a build tells editors, kept apart from the build itself: the
// language its messages are said in, and the diagnostics only editors
// need.

import (
	"errors"

	"postes/generator/content"
	"postes/generator/message"
	"postes/generator/render"
)

// limitText says why a description was refused (render.CheckBody).
func limitText(err error) message.Text {
	var le *render.LimitError
	if errors.As(err, &le) && !le.Text.IsZero() {
		return message.New(message.DescriptionLimit, "msg", le.Text)
	}
	return message.New(message.DescriptionLimit, "msg", err.Error())
}

var _ = content.Pos{}
