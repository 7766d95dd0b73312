from . import aliyun_api
