from . import tencent_api
